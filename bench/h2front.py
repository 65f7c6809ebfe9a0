"""An HTTPS + HTTP/2 front for the bench: Debian's nginx before gunicorn, as a site is deployed.

Bytes a phone pays are those of TLS records of HTTP/2 frames, whose headers HPACK compresses
against the ones already sent on the connection; a bench on plain HTTP/1.1 counts every
header in full each time. The certificate is made here, for localhost only, and Chromium is
told to trust that one key (--ignore-certificate-errors-spki-list, as web-platform-tests do),
so the service worker runs as on a real site.
"""

import base64
import datetime
import hashlib
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

CONFIG = """
daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    client_max_body_size 25m;
    server_tokens off;
    server {{
        listen 127.0.0.1:{port} ssl http2;
        ssl_certificate {dir}/cert.pem;
        ssl_certificate_key {dir}/key.pem;
        location / {{
            proxy_pass {upstream};
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto https;
        }}
    }}
}}
"""


def available() -> bool:
    return Path(NGINX).exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TlsFront:
    """nginx on a free loopback port, proxying to `upstream` (gunicorn's URL)."""

    def __init__(self, upstream: str):
        self.dir = Path(tempfile.mkdtemp(prefix="psm-h2-"))
        self.port = _free_port()
        self.spki = self._certificate()
        (self.dir / "nginx.conf").write_text(
            CONFIG.format(dir=self.dir, port=self.port, upstream=upstream.rstrip("/"))
        )
        self.process = subprocess.Popen(  # noqa: S603 - our own config
            [NGINX, "-c", str(self.dir / "nginx.conf"), "-p", str(self.dir)],
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit(f"nginx did not start: see {self.dir}/error.log")
        self.url = f"https://127.0.0.1:{self.port}"

    def chromium_args(self) -> list[str]:
        return [f"--ignore-certificate-errors-spki-list={self.spki}"]

    def _certificate(self) -> str:
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
        now = datetime.datetime.now(datetime.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=7))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), False)
            .sign(key, hashes.SHA256())
        )
        (self.dir / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        (self.dir / "key.pem").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        spki = key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return base64.b64encode(hashlib.sha256(spki).digest()).decode()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)
