//! Recognises binary file formats by their magic numbers, so that an image, an archive or an
//! office document is refused with a message that names it instead of being read as text.

/// What a binary file is, for the user: a noun phrase and, for documents that hold text, what
/// to do instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    pub what: &'static str,
    pub advice: Option<&'static str>,
}

const SAVE_AS_TEXT: &str =
    "Open it, copy the text and paste it here, or save it as a plain text (.txt) file and load that";
const DECOMPRESS: &str = "Unpack it first and load the text report inside";

const fn kind(what: &'static str) -> Option<Kind> {
    Some(Kind { what, advice: None })
}

const fn document(what: &'static str) -> Option<Kind> {
    Some(Kind { what, advice: Some(SAVE_AS_TEXT) })
}

const fn archive(what: &'static str) -> Option<Kind> {
    Some(Kind { what, advice: Some(DECOMPRESS) })
}

/// The binary format `bytes` start with, if it is one we know. Only looks at the first few
/// kilobytes, so it is cheap on any input.
pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    let b = bytes;
    let starts = |magic: &[u8]| b.starts_with(magic);
    let at = |offset: usize, magic: &[u8]| b.get(offset..offset + magic.len()) == Some(magic);

    if starts(b"\x89PNG\r\n\x1a\n") {
        return kind("a PNG image");
    }
    if starts(b"\xFF\xD8\xFF") {
        return kind("a JPEG image");
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return kind("a GIF image");
    }
    if starts(b"RIFF") {
        if at(8, b"WEBP") {
            return kind("a WebP image");
        }
        if at(8, b"WAVE") {
            return kind("a WAV audio file");
        }
        if at(8, b"AVI ") {
            return kind("an AVI video");
        }
    }
    if starts(b"II*\0") || starts(b"MM\0*") {
        return kind("a TIFF image");
    }
    if starts(b"BM") && bmp_size_matches(b) {
        return kind("a BMP image");
    }
    if starts(b"\0\0\x01\0") && b.len() > 6 {
        return kind("an icon (ICO) image");
    }
    if starts(b"8BPS") {
        return kind("a Photoshop image");
    }
    if at(4, b"ftyp") {
        return match b.get(8..12) {
            Some(b"heic") | Some(b"heix") | Some(b"mif1") | Some(b"avif") => {
                kind("a HEIC/AVIF image")
            }
            _ => kind("an MP4 or QuickTime video"),
        };
    }
    if starts(b"ID3") || starts(b"\xFF\xFB") || starts(b"\xFF\xF3") {
        return kind("an MP3 audio file");
    }
    if starts(b"OggS") {
        return kind("an Ogg audio or video file");
    }
    if starts(b"fLaC") {
        return kind("a FLAC audio file");
    }
    if starts(b"\x1A\x45\xDF\xA3") {
        return kind("a Matroska/WebM video");
    }
    if (starts(b"FWS") || starts(b"CWS") || starts(b"ZWS")) && b.get(3).is_some_and(|v| *v < 0x40) {
        return kind("a Flash (SWF) file");
    }

    // Documents: these hold text, so say how to get at it.
    // Some PDF writers put a few bytes of junk before the header; readers look 1 KB in.
    if memfind(&b[..b.len().min(1024)], b"%PDF-").is_some() {
        return document("a PDF document");
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") || starts(b"PK\x07\x08") {
        return zip_kind(b);
    }
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return document("an old-format Office or WPS document (.doc, .xls, .ppt or .wps)");
    }
    if starts(b"{\\rtf") {
        return document("an RTF document");
    }
    if starts(b"SQLite format 3\0") {
        return kind("an SQLite database");
    }

    // Archives and compressed files.
    if starts(b"\x1F\x8B") {
        return archive("a gzip-compressed file");
    }
    if starts(b"7z\xBC\xAF\x27\x1C") {
        return archive("a 7-Zip archive");
    }
    if starts(b"Rar!\x1A\x07") {
        return archive("a RAR archive");
    }
    if starts(b"BZh") && b.get(3).is_some_and(|v| (b'1'..=b'9').contains(v)) && at(4, b"1AY&SY") {
        return archive("a bzip2-compressed file");
    }
    if starts(b"\xFD7zXZ\0") {
        return archive("an xz-compressed file");
    }
    if starts(b"\x28\xB5\x2F\xFD") {
        return archive("a Zstandard-compressed file");
    }
    if at(257, b"ustar") {
        return archive("a tar archive");
    }

    // Programs.
    if starts(b"\x7FELF") {
        return kind("a program (ELF executable)");
    }
    if starts(b"MZ") && b.len() >= 64 && b[..64].contains(&0) {
        return kind("a Windows program (EXE or DLL)");
    }
    if starts(b"\xFE\xED\xFA\xCE")
        || starts(b"\xFE\xED\xFA\xCF")
        || starts(b"\xCE\xFA\xED\xFE")
        || starts(b"\xCF\xFA\xED\xFE")
    {
        return kind("a program (Mach-O executable)");
    }
    if starts(b"\xCA\xFE\xBA\xBE") {
        return kind("a Java class file or macOS program");
    }
    if starts(b"\0asm") {
        return kind("a WebAssembly module");
    }
    None
}

/// A BMP header stores the file size at offset 2; checking it keeps a text that happens to
/// start with "BM" from being taken for an image.
fn bmp_size_matches(b: &[u8]) -> bool {
    match b.get(2..6) {
        Some(s) => u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize == b.len(),
        None => false,
    }
}

/// Office Open XML, OpenDocument and EPUB files are ZIP archives; their first entries say
/// which. Looks only at the first 64 KB.
fn zip_kind(b: &[u8]) -> Option<Kind> {
    let head = &b[..b.len().min(64 * 1024)];
    if memfind(head, b"word/").is_some() {
        return document("a Word document (.docx)");
    }
    if memfind(head, b"xl/").is_some() {
        return document("an Excel workbook (.xlsx)");
    }
    if memfind(head, b"ppt/").is_some() {
        return document("a PowerPoint presentation (.pptx)");
    }
    if memfind(head, b"application/vnd.oasis.opendocument").is_some() {
        return document("an OpenDocument file (.odt, .ods or .odp)");
    }
    if memfind(head, b"application/epub+zip").is_some() {
        return document("an EPUB e-book");
    }
    archive("a ZIP archive")
}

/// The first position of `needle` in `hay` (both short here, so the naive search is fine).
pub(crate) fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}
