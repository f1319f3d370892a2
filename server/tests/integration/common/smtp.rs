//! A real SMTP server on loopback for tests: aiosmtpd (`tests/smtp_sink.py`) writing each accepted
//! mail to a folder.

use app::ssr::mail::transport::MailTransport;
use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
};

pub struct SmtpSink {
    child: Child,
    folder: tempfile::TempDir,
}

impl SmtpSink {
    pub fn start(port: u16) -> SmtpSink {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut child = Command::new("python3")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp_sink.py"))
            .arg(port.to_string())
            .arg(folder.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 with aiosmtpd (pip install aiosmtpd)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("sink output");
        assert_eq!(line.trim(), "ready", "the SMTP sink started");
        SmtpSink { child, folder }
    }

    pub fn messages(&self) -> Vec<String> {
        let mut paths: Vec<_> = std::fs::read_dir(self.folder.path())
            .expect("folder")
            .map(|e| e.expect("entry").path())
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("message"))
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port()
}

pub fn smtp(port: u16) -> MailTransport {
    MailTransport::smtp(&format!("smtp://127.0.0.1:{port}")).expect("transport")
}
