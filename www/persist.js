// Keeps the reports a user loaded in this browser's IndexedDB (database "zhibiao", object
// store "reports"), so they come back after a reload or a browser restart. One record per
// list entry: { key, seq, name, status, report, error, errorKind, source }. While a file is
// still waiting to be read, `source` holds the File (or the pasted text) so an interrupted
// batch resumes; once read, the record holds the report (with its text) and no source.
//
// Storage can fail: no IndexedDB (some private modes, file:// in some browsers), a full disk
// or quota, a blocked upgrade. Every failure is reported once through onFailure and the page
// goes on working from memory; nothing here throws or rejects.

const DB_NAME = 'zhibiao';
const DB_VERSION = 1;
const STORE = 'reports';

let db = null;
let opening = null;
let failed = false;
let onFailure = () => {};

/** Says `reason` ('unavailable' | 'quota' | 'error') to the page, once. */
function fail(reason, error) {
  if (failed) return;
  failed = true;
  onFailure(reason, error);
}

function reasonOf(error) {
  return error?.name === 'QuotaExceededError' ? 'quota' : 'error';
}

/**
 * Opens the database. Resolves to true when reports can be kept, false otherwise (and
 * `report(reason)` has been called). `report` is kept for later failures too.
 */
export function openStorage(report) {
  onFailure = report;
  opening ??= new Promise((resolve) => {
    let request;
    try {
      request = globalThis.indexedDB?.open(DB_NAME, DB_VERSION);
    } catch (error) {
      request = null;
      fail('unavailable', error);
    }
    if (!request) {
      fail('unavailable');
      resolve(false);
      return;
    }
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    request.onsuccess = () => {
      db = request.result;
      // Another tab of a newer build wants to upgrade: let it, and stop storing here.
      db.onversionchange = () => {
        db.close();
        db = null;
      };
      resolve(true);
    };
    request.onerror = () => {
      fail('unavailable', request.error);
      resolve(false);
    };
    request.onblocked = () => {
      fail('unavailable');
      resolve(false);
    };
  });
  return opening;
}

/** Whether reports are being kept. */
export function storing() {
  return db !== null && !failed;
}

/** Runs `work(store)` in one read-write transaction (once the database is open); resolves
 * to whether it was committed. */
async function write(work) {
  await opening;
  if (!storing()) return false;
  return new Promise((resolve) => {
    let tx;
    try {
      tx = db.transaction(STORE, 'readwrite');
      work(tx.objectStore(STORE));
    } catch (error) {
      fail(reasonOf(error), error);
      tx?.abort?.();
      resolve(false);
      return;
    }
    tx.oncomplete = () => resolve(true);
    tx.onabort = () => {
      fail(reasonOf(tx.error), tx.error);
      resolve(false);
    };
    tx.onerror = (event) => event.preventDefault();
  });
}

/** Stores (adds or replaces) these records. */
export function saveRecords(records) {
  if (records.length === 0) return Promise.resolve(true);
  return write((store) => {
    for (const record of records) store.put(record);
  });
}

export function deleteRecord(key) {
  return write((store) => store.delete(key));
}

export function deleteAllRecords() {
  return write((store) => store.clear());
}

/**
 * Every stored record, oldest first. Read with a cursor, one record per event, so a few
 * hundred large reports never make one long task.
 */
export async function loadRecords() {
  await opening;
  if (!storing()) return [];
  return new Promise((resolve) => {
    const records = [];
    let request;
    try {
      request = db.transaction(STORE, 'readonly').objectStore(STORE).openCursor();
    } catch (error) {
      fail(reasonOf(error), error);
      resolve([]);
      return;
    }
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) {
        records.sort((a, b) => a.seq - b.seq);
        resolve(records);
        return;
      }
      records.push(cursor.value);
      cursor.continue();
    };
    request.onerror = () => {
      fail('error', request.error);
      resolve(records);
    };
  });
}

/** Asks the browser not to evict the stored reports under storage pressure (no prompt in
 * Chromium; the answer only changes eviction, so it is not shown). */
export function askToPersist() {
  navigator.storage?.persist?.().catch(() => {});
}

// ---- The user's own indicators ----
// The user catalog is one small text (a TOML file), kept in localStorage under its own key
// so it is there before any report is read. It can fail like the database (private mode, a
// full quota): the result says so and the page shows it under the indicators panel.

const CATALOG_KEY = 'zhibiao.user-catalog';

/** The stored user catalog text ('' when none or when storage cannot be read). */
export function loadUserCatalog() {
  try {
    return globalThis.localStorage?.getItem(CATALOG_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Stores (or, for '', removes) the user catalog: null when kept, else 'unavailable' | 'quota' | 'error'. */
export function saveUserCatalog(toml) {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return 'unavailable';
    if (toml) storage.setItem(CATALOG_KEY, toml);
    else storage.removeItem(CATALOG_KEY);
    return null;
  } catch (error) {
    return error?.name === 'QuotaExceededError' ? 'quota' : 'unavailable';
  }
}
