//! Where uploaded images are served from: `/media/{key}-{width}.webp` (immutable: a new upload gets a
//! new key).

/// The public path of `key` re-encoded at `width` pixels.
pub fn public_path(key: &str, width: u32) -> String {
    format!("/media/{key}-{width}.webp")
}
