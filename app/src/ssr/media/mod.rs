//! Uploaded media: where files go (an object store: a local directory by default, or an S3-compatible
//! bucket) and where browsers fetch them (`/media/…` from the app, or the bucket's public URL). A new
//! upload gets a new key, so every file is immutable.

mod s3;

pub use s3::{S3Settings, S3Store};
use std::{path::PathBuf, sync::Arc};

/// Somewhere to keep public files by key. Keys are ours (`events/12/abc…`), never user input.
#[async_trait::async_trait]
pub trait ObjectStore: Send + Sync {
    async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str) -> std::io::Result<()>;
    async fn delete(&self, key: &str) -> std::io::Result<()>;
}

/// The store in use and the public address of its files, provided to server functions as context.
#[derive(Clone)]
pub struct Media {
    pub store: Arc<dyn ObjectStore>,
    /// `/media` for the local directory, else the bucket's public URL (no trailing slash).
    pub public_base: Arc<str>,
}

impl Media {
    pub fn local(root: impl Into<PathBuf>) -> Media {
        Media {
            store: Arc::new(LocalDirectory::new(root)),
            public_base: "/media".into(),
        }
    }

    /// The store of the request being served (a local `data/media` outside a server render).
    pub fn current() -> Media {
        leptos::prelude::use_context::<Media>().unwrap_or_else(|| Media::local("data/media"))
    }

    /// Where browsers fetch `key` re-encoded at `width` pixels.
    pub fn url(&self, key: &str, width: u32) -> String {
        format!(
            "{}/{}",
            self.public_base.trim_end_matches('/'),
            variant_key(key, width)
        )
    }
}

/// Files in a local directory, served by the app itself under `/media/`.
pub struct LocalDirectory {
    root: PathBuf,
}

impl LocalDirectory {
    pub fn new(root: impl Into<PathBuf>) -> LocalDirectory {
        LocalDirectory { root: root.into() }
    }

    fn path(&self, key: &str) -> std::io::Result<PathBuf> {
        let safe = !key.is_empty()
            && key.split('/').all(|part| {
                !part.is_empty()
                    && part != ".."
                    && part
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            });
        if safe {
            Ok(self.root.join(key))
        } else {
            Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "unsafe media key",
            ))
        }
    }
}

#[async_trait::async_trait]
impl ObjectStore for LocalDirectory {
    /// Written to a temporary name then renamed: a reader never sees half a file.
    async fn put(&self, key: &str, bytes: Vec<u8>, _content_type: &str) -> std::io::Result<()> {
        let path = self.path(key)?;
        if let Some(parent) = path.parent() {
            tokio::fs::create_dir_all(parent).await?;
        }
        let partial = path.with_extension("partial");
        tokio::fs::write(&partial, bytes).await?;
        tokio::fs::rename(&partial, &path).await
    }

    async fn delete(&self, key: &str) -> std::io::Result<()> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }
}

/// The file name of one width of `key` in the store.
pub fn variant_key(key: &str, width: u32) -> String {
    format!("{key}-{width}.webp")
}
