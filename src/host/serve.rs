//! Serving the join API's connections within limits, so that nobody on the network can
//! exhaust the facilitator's machine: at most [`Limits::connections`](super::limits::Limits::connections) at once (one more
//! is closed as it arrives), a request's headers within [`Limits::headers`](super::limits::Limits::headers) (a
//! half-sent request cannot hold a place), and no connection silent for longer than
//! [`Limits::idle`](super::limits::Limits::idle) (the event stream sends a comment every 15 s, so a page that is open
//! is never silent). Stopping asks every connection to finish and closes what is still
//! open after [`Limits::stopping`](super::limits::Limits::stopping): an open event stream never keeps the server up.

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tower::ServiceExt as _;

use super::limits::Limits;

/// Serves `app` on `listener` until `stop` resolves, within `limits`.
pub async fn serve(listener: TcpListener, app: Router, limits: Limits, stop: impl Future<Output = ()>) {
    let places = Arc::new(tokio::sync::Semaphore::new(limits.connections));
    let (closing, _) = tokio::sync::watch::channel(false);
    let mut open = tokio::task::JoinSet::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, addr) = match accepted {
                    Ok(accepted) => accepted,
                    Err(_) => {
                        // Out of files or a connection reset before it was taken: a moment's
                        // rest instead of a busy loop.
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                // Over the limit: closed at once, not queued.
                let Ok(place) = places.clone().try_acquire_owned() else { continue };
                let (app, closing) = (app.clone(), closing.subscribe());
                open.spawn(async move {
                    connection(stream, addr, app, limits, closing).await;
                    drop(place);
                });
            }
            // Finished connections are let go as they finish.
            Some(_) = open.join_next(), if !open.is_empty() => {}
            () = &mut stop => break,
        }
    }
    let _ = closing.send(true);
    let _ = tokio::time::timeout(limits.stopping, async { while open.join_next().await.is_some() {} }).await;
    open.abort_all();
}

/// One connection, HTTP/1.1, until it ends, goes idle, or the server stops.
async fn connection(
    stream: TcpStream,
    addr: SocketAddr,
    app: Router,
    limits: Limits,
    mut closing: tokio::sync::watch::Receiver<bool>,
) {
    let started = Instant::now();
    let last = Arc::new(AtomicU64::new(0));
    let io = TokioIo::new(Watched { inner: stream, started, last: last.clone() });
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(ConnectInfo(addr));
        app.clone().oneshot(request.map(axum::body::Body::new))
    });
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(limits.headers).keep_alive(true);
    let conn = builder.serve_connection(io, service);
    let mut conn = std::pin::pin!(conn);
    let mut check = tokio::time::interval(Duration::from_millis(250).min(limits.idle));
    loop {
        tokio::select! {
            _ = conn.as_mut() => return,
            _ = check.tick() => {
                let quiet = started.elapsed().saturating_sub(Duration::from_millis(last.load(Ordering::Relaxed)));
                if quiet > limits.idle {
                    return;
                }
            }
            changed = closing.changed() => {
                if changed.is_err() || *closing.borrow() {
                    conn.as_mut().graceful_shutdown();
                    // Give it the time stopping allows, then let the server close it.
                    let _ = tokio::time::timeout(limits.stopping, conn.as_mut()).await;
                    return;
                }
            }
        }
    }
}

/// A connection's socket that notes when a byte last went either way.
struct Watched {
    inner: TcpStream,
    started: Instant,
    /// Milliseconds from `started` to the last byte read or written.
    last: Arc<AtomicU64>,
}

impl Watched {
    fn touch(&self) {
        let ms = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last.store(ms, Ordering::Relaxed);
    }
}

impl AsyncRead for Watched {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.touch();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, data: &[u8]) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, data);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.touch();
        }
        polled
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
