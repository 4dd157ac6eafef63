//! A report flattened for one crossing into JavaScript (used by `wasm.rs`).
//!
//! serde-wasm-bindgen builds a value's JS objects from Rust, one boundary call per object,
//! property and string: about 500 properties and 200 strings per report, each string decoded
//! on its own, were a fifth of the page's time per report. Here a value is written instead to
//! three flat buffers — op codes, numbers, and all its strings one after another in UTF-16 —
//! which the page's JavaScript reads in one pass (`build_from_tape` in `wasm.rs`), with one
//! string decoding per report. UTF-16, because V8 decodes it about eight times faster than
//! UTF-8 (its strings are UTF-16 already): decoding the report's strings as UTF-8 was still
//! 6% of the page's time per report. Object keys (struct field names) are sent once per Wasm
//! instance and reused.
//!
//! The result must be exactly what serde-wasm-bindgen makes with `serialize_maps_as_objects`
//! and `serialize_missing_as_null` (the page, its stored reports and the tests rely on it):
//! structs and maps → plain objects in field order, sequences and tuples → arrays, `None` and
//! `()` → `null`, numbers → numbers (64-bit integers only while they are safe integers),
//! unit variants → their name, other variants → `{variant: value}`. Whatever this encoding
//! does not cover (bytes, 128-bit integers, non-string map keys, unsafe integers) is
//! [`Unsupported`], and the caller falls back to serde-wasm-bindgen for that value.
//! `tests/wasm_tape.rs` compares the two in the browser.

use serde::ser::{self, Serialize};

use crate::region::FastMap;

/// `null`.
pub const NULL: u32 = 0;
pub const FALSE: u32 = 1;
pub const TRUE: u32 = 2;
/// A number: the next of [`Tape::nums`].
pub const NUM: u32 = 3;
/// A string: the next op is its length in UTF-16 code units, read from [`Tape::strings`].
pub const STR: u32 = 4;
/// An array: values until [`END`].
pub const ARRAY: u32 = 5;
/// An object: (key, value) pairs until [`END`]; each key is [`KEY`], [`KEY_NEW`] or
/// [`KEY_STR`].
pub const OBJECT: u32 = 6;
pub const END: u32 = 7;
/// A field name JavaScript already has: the next op is its id.
pub const KEY: u32 = 8;
/// A field name sent for the first time: its id, then its UTF-16 length (read from the strings).
pub const KEY_NEW: u32 = 9;
/// A map key: its UTF-16 length, read from the strings.
pub const KEY_STR: u32 = 10;

/// A value flattened (see the module's documentation).
#[derive(Debug, Default, PartialEq)]
pub struct Tape {
    pub ops: Vec<u32>,
    pub nums: Vec<f64>,
    /// Every string of the value, in UTF-16 code units, one after another.
    pub strings: Vec<u16>,
}

/// The field names given ids so far (by the address of their `&'static str`), and how many
/// of those JavaScript has received. One per Wasm instance, like the JavaScript side's list.
#[derive(Debug, Default)]
pub struct Keys {
    ids: FastMap<(usize, usize), u32>,
    names: Vec<&'static str>,
    /// Ids below this were in a tape that reached JavaScript.
    delivered: u32,
}

impl Keys {
    /// Marks every id given so far as known to JavaScript: call once the tape is built there.
    pub fn delivered(&mut self) {
        self.delivered = self.names.len() as u32;
    }

    /// The field names by id, as JavaScript's list has them after [`Keys::delivered`].
    pub fn names(&self) -> &[&'static str] {
        &self.names
    }
}

/// Something this encoding does not cover; the caller uses serde-wasm-bindgen instead.
#[derive(Debug)]
pub struct Unsupported(String);

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not for the tape: {}", self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

fn unsupported<T>(what: &str) -> Result<T, Unsupported> {
    Err(Unsupported(what.to_string()))
}

/// Flattens `value`. `keys` remembers the field names across calls (see [`Keys`]).
pub fn encode<T: Serialize + ?Sized>(value: &T, keys: &mut Keys) -> Result<Tape, Unsupported> {
    let mut writer = Writer { tape: Tape::default(), keys };
    value.serialize(&mut writer)?;
    Ok(writer.tape)
}

struct Writer<'k> {
    tape: Tape,
    keys: &'k mut Keys,
}

impl Writer<'_> {
    /// Appends `s` to the strings; returns its length in UTF-16 code units.
    fn push_utf16(&mut self, s: &str) -> u32 {
        let before = self.tape.strings.len();
        self.tape.strings.extend(s.encode_utf16());
        (self.tape.strings.len() - before) as u32
    }

    fn string(&mut self, s: &str) {
        let len = self.push_utf16(s);
        self.tape.ops.extend([STR, len]);
    }

    fn number(&mut self, n: f64) {
        self.tape.ops.push(NUM);
        self.tape.nums.push(n);
    }

    fn field_name(&mut self, name: &'static str) {
        let next = self.keys.names.len() as u32;
        let id = *self.keys.ids.entry((name.as_ptr() as usize, name.len())).or_insert(next);
        if id == next {
            self.keys.names.push(name);
        }
        if id < self.keys.delivered {
            self.tape.ops.extend([KEY, id]);
        } else {
            let len = self.push_utf16(name);
            self.tape.ops.extend([KEY_NEW, id, len]);
        }
    }

    /// `{variant: …}` around what follows (closed by [`SerializeVariant`]).
    fn open_variant(&mut self, variant: &'static str) {
        self.tape.ops.push(OBJECT);
        self.field_name(variant);
    }
}

/// Integers within ±(2^53 − 1), as serde-wasm-bindgen accepts them as numbers.
const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

impl<'a, 'k> ser::Serializer for &'a mut Writer<'k> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a, 'k>;
    type SerializeTuple = Compound<'a, 'k>;
    type SerializeTupleStruct = Compound<'a, 'k>;
    type SerializeTupleVariant = Compound<'a, 'k>;
    type SerializeMap = Compound<'a, 'k>;
    type SerializeStruct = Compound<'a, 'k>;
    type SerializeStructVariant = Compound<'a, 'k>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.tape.ops.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.serialize_f64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.serialize_f64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.serialize_f64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        if !(-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&v) {
            return unsupported("an integer beyond 2^53");
        }
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.serialize_f64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.serialize_f64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.serialize_f64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        if v > MAX_SAFE_INTEGER as u64 {
            return unsupported("an integer beyond 2^53");
        }
        self.serialize_f64(v as f64)
    }
    fn serialize_i128(self, _: i128) -> Result<(), Unsupported> {
        unsupported("a 128-bit integer")
    }
    fn serialize_u128(self, _: u128) -> Result<(), Unsupported> {
        unsupported("a 128-bit integer")
    }
    fn serialize_f32(self, v: f32) -> Result<(), Unsupported> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.tape.ops.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.tape.ops.push(END);
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a, 'k>, Unsupported> {
        self.tape.ops.push(ARRAY);
        Ok(Compound { w: self, closes: 1 })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'k>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'k>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'k>, Unsupported> {
        self.open_variant(variant);
        self.tape.ops.push(ARRAY);
        Ok(Compound { w: self, closes: 2 })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a, 'k>, Unsupported> {
        self.tape.ops.push(OBJECT);
        Ok(Compound { w: self, closes: 1 })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a, 'k>, Unsupported> {
        self.tape.ops.push(OBJECT);
        Ok(Compound { w: self, closes: 1 })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'k>, Unsupported> {
        self.open_variant(variant);
        self.tape.ops.push(OBJECT);
        Ok(Compound { w: self, closes: 2 })
    }
}

/// An array or object being written; `closes` is how many [`END`]s it takes (two for a
/// variant's `{variant: […]}`).
pub struct Compound<'a, 'k> {
    w: &'a mut Writer<'k>,
    closes: usize,
}

impl Compound<'_, '_> {
    fn close(self) -> Result<(), Unsupported> {
        for _ in 0..self.closes {
            self.w.tape.ops.push(END);
        }
        Ok(())
    }
}

macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Unsupported;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
                value.serialize(&mut *self.w)
            }
            fn end(self) -> Result<(), Unsupported> {
                self.close()
            }
        }
    )*};
}
elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Unsupported;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Unsupported> {
                self.w.field_name(key);
                value.serialize(&mut *self.w)
            }
            fn end(self) -> Result<(), Unsupported> {
                self.close()
            }
        }
    )*};
}
fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        // Only string keys become object keys; anything else is the fallback's business.
        let mut probe = Writer { tape: Tape::default(), keys: &mut *self.w.keys };
        key.serialize(&mut probe)?;
        match probe.tape.ops[..] {
            [STR, len] => {
                self.w.tape.ops.extend([KEY_STR, len]);
                self.w.tape.strings.extend(probe.tape.strings);
                Ok(())
            }
            _ => unsupported("a map key that is not a string"),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    enum Kind {
        Plain,
        Wrapped(u8),
        Pair(u8, bool),
        Named { x: i32 },
    }

    #[derive(Serialize)]
    struct Sample {
        name: String,
        wide: &'static str,
        missing: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        spans: Vec<(usize, usize)>,
        kinds: Vec<Kind>,
        map: BTreeMap<String, bool>,
    }

    /// The value the tape describes, as JSON-like text, read the way `build` in wasm.rs reads
    /// it (a second, independent reader of the format).
    fn read(tape: &Tape, names: &[&str]) -> String {
        let strings = &tape.strings;
        let (mut o, mut n, mut s) = (0, 0, 0);
        fn take(strings: &[u16], s: &mut usize, len: u32) -> String {
            let out = String::from_utf16(&strings[*s..*s + len as usize]).unwrap();
            *s += len as usize;
            out
        }
        fn value(
            t: &Tape,
            strings: &[u16],
            names: &[&str],
            o: &mut usize,
            n: &mut usize,
            s: &mut usize,
        ) -> String {
            let op = t.ops[*o];
            *o += 1;
            match op {
                NULL => "null".into(),
                FALSE => "false".into(),
                TRUE => "true".into(),
                NUM => {
                    *n += 1;
                    t.nums[*n - 1].to_string()
                }
                STR => {
                    *o += 1;
                    format!("{:?}", take(strings, s, t.ops[*o - 1]))
                }
                ARRAY => {
                    let mut items = Vec::new();
                    while t.ops[*o] != END {
                        items.push(value(t, strings, names, o, n, s));
                    }
                    *o += 1;
                    format!("[{}]", items.join(","))
                }
                OBJECT => {
                    let mut items = Vec::new();
                    while t.ops[*o] != END {
                        let key = match t.ops[*o] {
                            KEY => names[t.ops[*o + 1] as usize].to_string(),
                            KEY_NEW => {
                                let name = take(strings, s, t.ops[*o + 2]);
                                assert_eq!(name, names[t.ops[*o + 1] as usize]);
                                *o += 1;
                                name
                            }
                            KEY_STR => take(strings, s, t.ops[*o + 1]),
                            other => panic!("op {other} where a key belongs"),
                        };
                        *o += 2;
                        items.push(format!("{key:?}:{}", value(t, strings, names, o, n, s)));
                    }
                    *o += 1;
                    format!("{{{}}}", items.join(","))
                }
                other => panic!("op {other} where a value belongs"),
            }
        }
        let out = value(tape, strings, names, &mut o, &mut n, &mut s);
        assert_eq!((o, n, s), (tape.ops.len(), tape.nums.len(), strings.len()), "all read");
        out
    }

    #[test]
    fn reads_back_as_serde_json_writes_it_with_nulls() {
        let sample = Sample {
            name: "兰考县 𠀀".into(),
            wide: "a\"b",
            missing: None,
            skipped: None,
            spans: vec![(1, 2), (30, 40)],
            kinds: vec![Kind::Plain, Kind::Wrapped(3), Kind::Pair(1, true), Kind::Named { x: -5 }],
            map: BTreeMap::from([("k".to_string(), false)]),
        };
        let mut keys = Keys::default();
        let first = encode(&sample, &mut keys).unwrap();
        let expected = serde_json::to_string(&sample).unwrap();
        assert_eq!(read(&first, keys.names()), expected);
        // Field names go once: a second value after delivery refers to them by id.
        keys.delivered();
        let second = encode(&sample, &mut keys).unwrap();
        let text = |t: &Tape| String::from_utf16(&t.strings).unwrap();
        assert!(text(&first).contains("spans"));
        assert!(!text(&second).contains("spans"));
        assert_eq!(read(&second, keys.names()), expected);
    }

    #[test]
    fn undelivered_names_are_sent_again() {
        let mut keys = Keys::default();
        let sample = Kind::Named { x: 1 };
        let first = encode(&sample, &mut keys).unwrap();
        let text = |t: &Tape| String::from_utf16(&t.strings).unwrap();
        assert_eq!(text(&first), "Namedx");
        // Not delivered (the tape was dropped): the next tape still carries the names.
        let again = encode(&sample, &mut keys).unwrap();
        assert_eq!(text(&again), "Namedx");
        assert_eq!(read(&again, keys.names()), r#"{"Named":{"x":1}}"#);
    }

    #[test]
    fn what_it_does_not_cover_is_unsupported() {
        let mut keys = Keys::default();
        assert!(encode(&u64::MAX, &mut keys).is_err());
        assert!(encode(&(1i64 << 53), &mut keys).is_err());
        assert!(encode(&((1i64 << 53) - 1), &mut keys).is_ok());
        assert!(encode(&BTreeMap::from([(1, 2)]), &mut keys).is_err());
        assert!(encode(&serde_bytes_like(), &mut keys).is_err());
        assert!(encode(&1u128, &mut keys).is_err());
    }

    struct Bytes;
    impl Serialize for Bytes {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(b"ab")
        }
    }
    fn serde_bytes_like() -> Bytes {
        Bytes
    }

    #[test]
    fn lengths_are_utf16_code_units() {
        let mut keys = Keys::default();
        let tape = encode(&["abc", "兰考", "𠀀x"], &mut keys).unwrap();
        assert_eq!(tape.ops, [ARRAY, STR, 3, STR, 2, STR, 3, END]);
    }
}
