//! Event images in an S3-compatible bucket: a real S3 API server (moto's `moto_server`, installed by
//! scripts/test.sh) receives the WebP files, serves them back, and loses the replaced ones.

use crate::common;

use crate::common::{
    TestApp,
    accounts::{call, form, signed_in},
};
use std::process::{Child, Command, Stdio};

struct S3Server {
    child: Child,
    url: String,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn s3_server() -> S3Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new("python3")
        .args([
            "-m",
            "moto.server",
            "-H",
            "127.0.0.1",
            "-p",
            &port.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 with moto (pip install 'moto[server]'; scripts/test.sh does it)");
    let server = S3Server {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let client = reqwest::Client::new();
    for _ in 0..100 {
        if client.get(&server.url).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let created = client
        .put(format!("{}/meetral-images", server.url))
        .send()
        .await
        .expect("create the bucket");
    assert!(created.status().is_success(), "{}", created.status());
    server
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(pixels)
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .expect("encode");
    bytes
}

async fn upload(app: &TestApp, cookie: &str, event: &str, file: &[u8]) -> common::Reply {
    let boundary = "s3-test-boundary";
    let mut body = Vec::new();
    for (name, value) in [
        ("event", event),
        ("kind", "cover"),
        ("alt", "Une affiche colorée"),
    ] {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n").as_bytes());
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = http::Request::post("/api/fn/upload_event_image")
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header("accept", "application/json")
        .header("cookie", cookie)
        .header("origin", common::BASE_URL)
        .body(axum::body::Body::from(body))
        .expect("request");
    app.request(request).await
}

#[tokio::test(flavor = "multi_thread")]
async fn images_go_to_the_bucket_and_the_page_points_there() {
    let s3 = s3_server().await;
    let app = TestApp::with_args(&[
        "--s3-endpoint",
        &s3.url,
        "--s3-bucket",
        "meetral-images",
        "--s3-access-key-id",
        "meetral",
        "--s3-secret-access-key",
        "secret-key-for-tests",
    ])
    .await;
    let (_, cookie) = signed_in(&app, "orga@exemple.fr").await;
    let start = (chrono::Utc::now() + chrono::Duration::days(12))
        .format("%Y-%m-%d")
        .to_string();
    let body = form(&[
        ("title", "Atelier affiches"),
        (
            "summary",
            "On imprime des affiches en sérigraphie, ensemble.",
        ),
        ("category", "culturel"),
        ("starts_at", &format!("{start}T10:00")),
        ("ends_at", &format!("{start}T12:00")),
        ("time_zone", "Europe/Paris"),
        ("mode", "in_person"),
        ("city", "Rennes"),
        ("visibility", "public"),
        ("organizer_notify", "each"),
        ("reminders", "1440"),
    ]);
    let saved = call(&app, "save_event", &body, &cookie).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let event: i64 = sqlx::query_scalar("SELECT id FROM events")
        .fetch_one(&app.pool)
        .await
        .expect("event");
    let reply = upload(&app, &cookie, &event.to_string(), &png(1200, 700)).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let key: String = sqlx::query_scalar("SELECT storage_key FROM event_images")
        .fetch_one(&app.pool)
        .await
        .expect("image");
    // Read back as the bucket's owner (moto checks that a request is signed, not its signature; the
    // signature itself is checked against AWS's published example in app::ssr::media::s3).
    let client = reqwest::Client::new();
    let owner = "AWS4-HMAC-SHA256 Credential=meetral/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0";
    for width in [480, 960, 1200] {
        let url = format!("{}/meetral-images/{key}-{width}.webp", s3.url);
        let object = client
            .get(&url)
            .header("authorization", owner)
            .send()
            .await
            .expect("object");
        assert!(object.status().is_success(), "{url}: {}", object.status());
        let bytes = object.bytes().await.expect("bytes");
        assert_eq!(&bytes[8..12], b"WEBP");
    }
    assert!(
        !app.mail_dir().with_file_name("media").exists(),
        "nothing written locally"
    );
    let preview = call(&app, "event_preview", &format!("event={event}"), &cookie).await;
    assert!(
        preview
            .body
            .contains(&format!("{}/meetral-images/{key}-1200.webp", s3.url)),
        "{}",
        preview.body
    );

    // A new cover: the old objects are deleted from the bucket.
    let reply = upload(&app, &cookie, &event.to_string(), &png(900, 500)).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let old = client
        .get(format!("{}/meetral-images/{key}-480.webp", s3.url))
        .header("authorization", owner)
        .send()
        .await
        .expect("old object");
    assert_eq!(old.status().as_u16(), 404);
}
