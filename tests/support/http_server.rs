//! A tiny HTTP/1.1 server for tests and the benchmark: one thread per
//! connection, `Connection: close`, and full control over faults (bodies
//! that stall, lie about their length or never end). It is included with
//! `#[path]` by the tests that need it, so it is not a crate of its own.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as the handler sees it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// How the body is sent.
pub enum Body {
    Bytes(Vec<u8>),
    /// `total` bytes of `fill`, streamed, with or without Content-Length.
    Endless {
        total: u64,
        content_length: bool,
    },
    /// Declares `declared` bytes, sends `first`, then stalls for `stall`.
    Stall {
        first: Vec<u8>,
        declared: usize,
        stall: Duration,
    },
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: Body::Bytes(body.into()),
        }
    }
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: vec![],
            body: Body::Bytes(Vec::new()),
        }
    }
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

pub type Handler = Arc<dyn Fn(&Request) -> Reply + Send + Sync>;

/// A running server. It lives until the test process ends.
pub struct Server {
    pub port: u16,
    hits: Arc<Mutex<Vec<(String, Instant)>>>,
}

impl Server {
    /// Serves `handler` on 127.0.0.1 at a free port.
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        Server::start_on(&["127.0.0.1".parse().unwrap()], Arc::new(handler))
    }

    /// Serves on each of `ips` at one port (the port of the first).
    pub fn start_on(ips: &[std::net::IpAddr], handler: Handler) -> Server {
        let first = TcpListener::bind(SocketAddr::new(ips[0], 0)).expect("bind");
        let port = first.local_addr().unwrap().port();
        let mut listeners = vec![first];
        for ip in &ips[1..] {
            listeners.push(TcpListener::bind(SocketAddr::new(*ip, port)).expect("bind"));
        }
        let hits = Arc::new(Mutex::new(Vec::new()));
        for listener in listeners {
            let handler = handler.clone();
            let hits = hits.clone();
            std::thread::spawn(move || {
                for stream in listener.incoming().flatten() {
                    let handler = handler.clone();
                    let hits = hits.clone();
                    std::thread::spawn(move || {
                        let _ = serve(stream, &handler, &hits);
                    });
                }
            });
        }
        Server { port, hits }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// How many requests asked for `path`.
    pub fn hits(&self, path: &str) -> usize {
        self.hits
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _)| p == path)
            .count()
    }

    /// When each request for `path` arrived.
    pub fn times(&self, path: &str) -> Vec<Instant> {
        self.hits
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, t)| *t)
            .collect()
    }

    /// Every path requested, in order.
    pub fn paths(&self) -> Vec<String> {
        self.hits
            .lock()
            .unwrap()
            .iter()
            .map(|(p, _)| p.clone())
            .collect()
    }
}

fn serve(
    stream: TcpStream,
    handler: &Handler,
    hits: &Mutex<Vec<(String, Instant)>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    hits.lock().unwrap().push((path.clone(), Instant::now()));
    let reply = handler(&Request { path, headers });
    let mut out = std::io::BufWriter::new(stream);
    write!(out, "HTTP/1.1 {} X\r\nConnection: close\r\n", reply.status)?;
    for (k, v) in &reply.headers {
        write!(out, "{k}: {v}\r\n")?;
    }
    match reply.body {
        Body::Bytes(b) => {
            write!(out, "Content-Length: {}\r\n\r\n", b.len())?;
            out.write_all(&b)?;
        }
        Body::Endless {
            total,
            content_length,
        } => {
            if content_length {
                write!(out, "Content-Length: {total}\r\n")?;
            }
            write!(out, "\r\n")?;
            let chunk = vec![b'a'; 64 * 1024];
            let mut sent = 0u64;
            while sent < total {
                let n = (total - sent).min(chunk.len() as u64) as usize;
                out.write_all(&chunk[..n])?;
                sent += n as u64;
            }
        }
        Body::Stall {
            first,
            declared,
            stall,
        } => {
            write!(out, "Content-Length: {declared}\r\n\r\n")?;
            out.write_all(&first)?;
            out.flush()?;
            std::thread::sleep(stall);
        }
    }
    out.flush()
}
