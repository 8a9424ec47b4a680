//! What the backend takes as an uploaded file: the one source for the definition check
//! (`accept`, `max_file_bytes`), the app's defaults and the backend's own limits.

/// The media types the backend recognises from a file's content (PDF, JPEG, PNG);
/// anything else is refused however it is named. A question's `accept` may only
/// narrow this down.
pub const ACCEPTED_MEDIA_TYPES: [&str; 3] = ["application/pdf", "image/jpeg", "image/png"];

/// The largest file the backend takes in one upload (25 MiB); a question's
/// `max_file_bytes` may only lower it.
pub const MAX_UPLOAD_BYTES: u64 = 25 * 1024 * 1024;

/// Whether the backend takes files of this media type at all.
pub fn is_accepted(media_type: &str) -> bool {
    ACCEPTED_MEDIA_TYPES.contains(&media_type)
}
