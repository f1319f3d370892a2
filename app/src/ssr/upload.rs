//! Multipart form posts (image uploads): every field read with a size limit, nothing past it.

use std::collections::HashMap;

use crate::{error::AppError, i18n::MessageKey};

/// Limit of the fields that are not the file.
const TEXT_FIELD_LIMIT: usize = 4096;

/// The fields of a multipart post by name; `file` may be up to `file_limit` bytes. A field over its
/// limit is refused at that field (a 50 MB upload costs `file_limit`, not 50 MB).
pub async fn read_fields(
    data: server_fn::codec::MultipartData,
    file_limit: usize,
) -> Result<HashMap<String, Vec<u8>>, AppError> {
    let mut fields = data.into_inner().ok_or(AppError::Internal)?;
    let mut read = HashMap::new();
    while let Ok(Some(mut field)) = fields.next_field().await {
        let name = field.name().unwrap_or_default().to_owned();
        let limit = if name == "file" {
            file_limit
        } else {
            TEXT_FIELD_LIMIT
        };
        let mut bytes = Vec::new();
        while let Ok(Some(chunk)) = field.chunk().await {
            bytes.extend_from_slice(&chunk);
            if bytes.len() > limit {
                return Err(AppError::field(&name, MessageKey::ImageTooLarge));
            }
        }
        read.insert(name, bytes);
    }
    Ok(read)
}

/// A text field of a multipart post ("" when absent).
pub fn text(fields: &HashMap<String, Vec<u8>>, name: &str) -> String {
    fields
        .get(name)
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .unwrap_or_default()
}

/// The uploaded file, refused at its field when absent or empty.
pub fn file(fields: &mut HashMap<String, Vec<u8>>) -> Result<Vec<u8>, AppError> {
    fields
        .remove("file")
        .filter(|bytes| !bytes.is_empty())
        .ok_or_else(|| AppError::field("file", MessageKey::ImageMissing))
}
