//! Files chosen for an application, kept on the device (IndexedDB) with the same life
//! as their draft: a file chosen offline is uploaded when the application is sent, and
//! deleting or sending a draft deletes its files here too.
//!
//! A file that could not be uploaded yet has an id starting with [`LOCAL_PREFIX`] in
//! the answers; the outbox uploads it before sending ([`crate::outbox`]).

use rathaus_core::{Answer, Answers, FileRef};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/file_store/file_store.js")]
extern "C" {
    #[wasm_bindgen(js_name = putFile)]
    fn put_file(id: &str, blob: &web_sys::Blob) -> js_sys::Promise;
    #[wasm_bindgen(js_name = getFile)]
    fn get_file(id: &str) -> js_sys::Promise;
    /// One id per line: a `Vec` would need wasm-bindgen's conversion, which works only
    /// when called from the first module, and this is also called from the wizard's.
    #[wasm_bindgen(js_name = deleteFiles)]
    fn delete_files(ids: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = deleteAllFiles)]
    fn delete_all_files() -> js_sys::Promise;
}

/// Ids of files kept only on this device so far.
pub const LOCAL_PREFIX: &str = "local-";

pub fn is_local(file: &FileRef) -> bool {
    file.id.starts_with(LOCAL_PREFIX)
}

/// Keeps a file under `id`; `false` if the device refused (no IndexedDB, quota).
pub async fn keep(id: &str, file: &web_sys::Blob) -> bool {
    JsFuture::from(put_file(id, file)).await.is_ok()
}

/// The file kept under `id`, if it is still there.
pub async fn load(id: &str) -> Option<web_sys::Blob> {
    let value = JsFuture::from(get_file(id)).await.ok()?;
    value.dyn_into::<web_sys::Blob>().ok()
}

/// Deletes these files from the device (missing ones are no error).
pub fn forget(ids: Vec<String>) {
    if ids.is_empty() {
        return;
    }
    // Ids are the backend's or LOCAL_PREFIX and a random key: never a line break.
    let lines = ids.join("\n");
    crate::spawn(async move {
        let _ = JsFuture::from(delete_files(&lines)).await;
    });
}

/// Deletes every file kept on the device ("delete everything").
pub fn forget_all() {
    crate::spawn(async move {
        let _ = JsFuture::from(delete_all_files()).await;
    });
}

/// Every file an application's answers refer to, also inside group items.
pub fn files_in(answers: &Answers) -> Vec<&FileRef> {
    let mut out = Vec::new();
    for answer in answers.0.values() {
        match answer {
            Answer::Files(files) => out.extend(files.iter()),
            Answer::Items(items) => {
                for item in items {
                    out.extend(files_in(item));
                }
            }
            _ => {}
        }
    }
    out
}

/// Ids of the files an application's answers refer to.
pub fn file_ids(answers: &Answers) -> Vec<String> {
    files_in(answers)
        .into_iter()
        .map(|f| f.id.clone())
        .collect()
}

/// Puts `stored` where the answers had the local file `local_id`.
pub fn replace_file(answers: &mut Answers, local_id: &str, stored: &FileRef) {
    for answer in answers.0.values_mut() {
        match answer {
            Answer::Files(files) => {
                for f in files.iter_mut().filter(|f| f.id == local_id) {
                    *f = stored.clone();
                }
            }
            Answer::Items(items) => {
                for item in items {
                    replace_file(item, local_id, stored);
                }
            }
            _ => {}
        }
    }
}

/// Takes the file `id` out of the answers (a local file the device no longer has).
pub fn drop_file(answers: &mut Answers, id: &str) {
    for answer in answers.0.values_mut() {
        match answer {
            Answer::Files(files) => files.retain(|f| f.id != id),
            Answer::Items(items) => {
                for item in items {
                    drop_file(item, id);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(id: &str) -> FileRef {
        FileRef {
            id: id.into(),
            name: format!("{id}.pdf"),
            size: 10,
            media_type: "application/pdf".into(),
        }
    }

    #[test]
    fn files_are_found_replaced_and_dropped_also_inside_group_items() {
        let mut item = Answers::default();
        item.set("nachweis", Answer::Files(vec![file("local-2")]));
        let mut answers = Answers::default();
        answers.set("plan", Answer::Files(vec![file("a1"), file("local-1")]));
        answers.set("name", Answer::Text("Erika".into()));
        answers.set("personen", Answer::Items(vec![Answers::default(), item]));

        let mut ids = file_ids(&answers);
        ids.sort();
        assert_eq!(ids, ["a1", "local-1", "local-2"]);
        let local: Vec<_> = files_in(&answers)
            .into_iter()
            .filter(|f| is_local(f))
            .collect();
        assert_eq!(local.len(), 2);

        replace_file(&mut answers, "local-2", &file("s2"));
        drop_file(&mut answers, "local-1");
        let mut ids = file_ids(&answers);
        ids.sort();
        assert_eq!(ids, ["a1", "s2"]);
    }
}
