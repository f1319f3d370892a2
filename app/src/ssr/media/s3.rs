//! An S3-compatible object store (AWS S3, MinIO, Garage, Scaleway, OVH…): objects are PUT and DELETEd
//! with path-style URLs (`{endpoint}/{bucket}/{key}`) signed with AWS Signature Version 4.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::ObjectStore;

#[derive(Clone)]
pub struct S3Settings {
    /// `https://s3.fr-par.scw.cloud`, `http://127.0.0.1:9000`…
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
}

pub struct S3Store {
    settings: S3Settings,
    client: reqwest::Client,
}

impl S3Store {
    pub fn new(settings: S3Settings) -> S3Store {
        S3Store {
            settings,
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(60))
                .build()
                .unwrap_or_default(),
        }
    }

    async fn send(
        &self,
        method: reqwest::Method,
        key: &str,
        body: Vec<u8>,
        content_type: Option<&str>,
    ) -> std::io::Result<()> {
        let endpoint = self.settings.endpoint.trim_end_matches('/');
        let host = endpoint
            .split_once("://")
            .map_or(endpoint, |(_, rest)| rest);
        let path = format!(
            "/{}/{}",
            uri_encode(&self.settings.bucket, false),
            uri_encode(key, true)
        );
        let payload_hash = hex(&Sha256::digest(&body));
        let now = Utc::now();
        let mut headers = vec![
            ("host".to_owned(), host.to_owned()),
            ("x-amz-content-sha256".to_owned(), payload_hash.clone()),
            ("x-amz-date".to_owned(), amz_date(now)),
        ];
        if let Some(content_type) = content_type {
            headers.push(("content-type".to_owned(), content_type.to_owned()));
        }
        let authorization = authorization(
            &self.settings,
            method.as_str(),
            &path,
            "",
            &mut headers,
            &payload_hash,
            now,
        );
        let mut request = self
            .client
            .request(method, format!("{endpoint}{path}"))
            .body(body);
        for (name, value) in headers.iter().filter(|(name, _)| name != "host") {
            request = request.header(name, value);
        }
        let response = request
            .header("authorization", authorization)
            .send()
            .await
            .map_err(std::io::Error::other)?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(std::io::Error::other(format!(
                "object store answered {}",
                response.status()
            )))
        }
    }
}

#[async_trait::async_trait]
impl ObjectStore for S3Store {
    async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str) -> std::io::Result<()> {
        self.send(reqwest::Method::PUT, key, bytes, Some(content_type))
            .await
    }

    async fn delete(&self, key: &str) -> std::io::Result<()> {
        self.send(reqwest::Method::DELETE, key, Vec::new(), None)
            .await
    }
}

fn amz_date(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes any key"));
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// RFC 3986 encoding as SigV4 wants it (`/` kept in object keys).
fn uri_encode(value: &str, keep_slash: bool) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b'/' if keep_slash => out.push('/'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The `Authorization` header of a request (headers are lower-cased names; they get sorted here).
fn authorization(
    settings: &S3Settings,
    method: &str,
    path: &str,
    query: &str,
    headers: &mut [(String, String)],
    payload_hash: &str,
    now: DateTime<Utc>,
) -> String {
    headers.sort_by(|a, b| a.0.cmp(&b.0));
    let canonical_headers: String = headers
        .iter()
        .map(|(n, v)| format!("{n}:{}\n", v.trim()))
        .collect();
    let signed_headers = headers
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(";");
    let canonical_request =
        format!("{method}\n{path}\n{query}\n{canonical_headers}\n{signed_headers}\n{payload_hash}");
    let date = now.format("%Y%m%d").to_string();
    let scope = format!("{date}/{}/s3/aws4_request", settings.region);
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{}\n{scope}\n{}",
        amz_date(now),
        hex(&Sha256::digest(canonical_request.as_bytes()))
    );
    let key = hmac(
        format!("AWS4{}", settings.secret_access_key).as_bytes(),
        &date,
    );
    let key = hmac(&key, &settings.region);
    let key = hmac(&key, "s3");
    let key = hmac(&key, "aws4_request");
    let signature = hex(&hmac(&key, &string_to_sign));
    format!(
        "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed_headers}, Signature={signature}",
        settings.access_key_id
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// The "GET Object" example of the AWS Signature Version 4 documentation for S3.
    #[test]
    fn signs_like_the_aws_documentation_example() {
        let settings = S3Settings {
            endpoint: "https://examplebucket.s3.amazonaws.com".into(),
            bucket: "examplebucket".into(),
            region: "us-east-1".into(),
            access_key_id: "AKIAIOSFODNN7EXAMPLE".into(),
            secret_access_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into(),
        };
        let empty = hex(&Sha256::digest(b""));
        assert_eq!(
            empty,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let mut headers = vec![
            (
                "host".to_owned(),
                "examplebucket.s3.amazonaws.com".to_owned(),
            ),
            ("range".to_owned(), "bytes=0-9".to_owned()),
            ("x-amz-content-sha256".to_owned(), empty.clone()),
            ("x-amz-date".to_owned(), "20130524T000000Z".to_owned()),
        ];
        let now = Utc
            .with_ymd_and_hms(2013, 5, 24, 0, 0, 0)
            .single()
            .expect("date");
        let header = authorization(&settings, "GET", "/test.txt", "", &mut headers, &empty, now);
        assert_eq!(
            header,
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, \
             SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, \
             Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        );
    }

    #[test]
    fn keys_keep_their_slashes_and_escape_the_rest() {
        assert_eq!(
            uri_encode("events/12/a b+c.webp", true),
            "events/12/a%20b%2Bc.webp"
        );
        assert_eq!(uri_encode("a/b", false), "a%2Fb");
    }
}
