//! Events for the tests: a complete valid event form, saving it through the router, reading field
//! errors from a reply.

use super::{
    Reply, TestApp,
    accounts::{call, form},
};

/// A complete, valid event form, with some fields replaced.
pub fn event_body(changes: &[(&str, &str)]) -> String {
    let start = (chrono::Utc::now() + chrono::Duration::days(30))
        .format("%Y-%m-%d")
        .to_string();
    let starts_at = format!("{start}T18:30");
    let ends_at = format!("{start}T21:00");
    let mut pairs: Vec<(&str, String)> = vec![
        ("event", String::new()),
        ("title", "Apéro des développeurs lyonnais".into()),
        (
            "summary",
            "Une soirée pour rencontrer la communauté tech de Lyon.".into(),
        ),
        (
            "description",
            "Au programme :\n\n- **démos**\n- discussions".into(),
        ),
        ("category", "networking".into()),
        ("starts_at", starts_at),
        ("ends_at", ends_at),
        ("time_zone", "Europe/Paris".into()),
        ("mode", "in_person".into()),
        ("venue_name", "H7".into()),
        ("address_line", "70 quai Perrache".into()),
        ("postal_code", "69002".into()),
        ("city", "Lyon".into()),
        ("latitude", "45.7421".into()),
        ("longitude", "4.8176".into()),
        ("price", "".into()),
        ("capacity", "50".into()),
        ("free_food", "on".into()),
        ("free_food_details", "Pizzas et boissons".into()),
        ("diet_vegetarian", "on".into()),
        ("visibility", "public".into()),
        ("organizer_notify", "each".into()),
        ("reminders", "1440,120".into()),
    ];
    for (name, value) in changes {
        match pairs.iter_mut().find(|(n, _)| n == name) {
            Some(pair) => pair.1 = (*value).to_owned(),
            None => pairs.push((name, (*value).to_owned())),
        }
    }
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (*n, v.as_str())).collect();
    form(&borrowed)
}

/// The message key a 422 reply gives for `field`.
pub fn field_error(reply: &Reply, field: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(&reply.body).ok()?;
    value
        .get("Validation")?
        .get(field)?
        .as_str()
        .map(str::to_owned)
}

/// Saves a valid event as `cookie`'s owner and returns its id.
pub async fn saved_event(app: &TestApp, cookie: &str, changes: &[(&str, &str)]) -> i64 {
    let reply = call(app, "save_event", &event_body(changes), cookie).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let path: String = serde_json::from_str(&reply.body).expect("a path");
    path.trim_start_matches("/organizer/events/")
        .split('/')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("the event id in the path")
}

/// A photo-like JPEG of `width` × `height` with an EXIF block (camera, GPS) spliced in after SOI.
pub fn jpeg_with_exif(width: u32, height: u32) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    let mut jpeg = Vec::new();
    image::DynamicImage::ImageRgb8(pixels)
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .expect("encode");
    let exif = b"Exif\0\0MM\0*\0\0\0\x08\0\0GPS 48.8566N 2.3522E SecretCam";
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    segment.extend_from_slice(exif);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&segment);
    out.extend_from_slice(&jpeg[2..]);
    out
}

pub fn multipart(fields: &[(&str, &str)], file: Option<&[u8]>) -> (String, Vec<u8>) {
    let boundary = "meetral-test-boundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some(bytes) = file {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Posts a multipart form (text fields and an optional `file`) to a server function.
pub async fn post_multipart(
    app: &TestApp,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    file: Option<&[u8]>,
) -> Reply {
    let (content_type, body) = multipart(fields, file);
    let request = http::Request::post(path)
        .header("content-type", content_type)
        .header("accept", "application/json")
        .header("cookie", cookie)
        .header("origin", super::BASE_URL)
        .body(axum::body::Body::from(body))
        .expect("request");
    app.request(request).await
}
