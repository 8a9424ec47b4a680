// Files chosen for an application, kept on the device in IndexedDB (local storage is
// far too small for them) under the id their answer refers to. See file_store/mod.rs.
const DB = 'rathaus-files';
const STORE = 'files';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run(mode, work) {
  return open().then(
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const result = work(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(result && 'result' in result ? result.result : undefined);
        };
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      }),
  );
}

export function putFile(id, blob) {
  return run('readwrite', (store) => store.put(blob, id));
}

export function getFile(id) {
  return run('readonly', (store) => store.get(id));
}

// The ids come as one string, one per line: a string crosses from any wasm module, a
// list only from the first (src/file_store/mod.rs).
export function deleteFiles(lines) {
  return run('readwrite', (store) => {
    for (const id of lines.split('\n')) if (id) store.delete(id);
  });
}

export function deleteAllFiles() {
  return run('readwrite', (store) => {
    store.clear();
  });
}
