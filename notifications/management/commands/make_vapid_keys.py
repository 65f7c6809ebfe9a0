import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management.base import BaseCommand


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_keys() -> tuple[str, str]:
    """A P-256 key pair as web push wants it: the raw private number and the uncompressed
    public point (the browser's applicationServerKey), both base64url without padding."""
    key = ec.generate_private_key(ec.SECP256R1())
    private = key.private_numbers().private_value.to_bytes(32, "big")
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return b64url(public), b64url(private)


class Command(BaseCommand):
    help = "Print a new VAPID key pair for web push, as environment lines."

    def handle(self, *args, **options):
        public, private = make_keys()
        self.stdout.write(f"DJANGO_VAPID_PUBLIC_KEY={public}")
        self.stdout.write(f"DJANGO_VAPID_PRIVATE_KEY={private}")
        self.stdout.write("DJANGO_VAPID_SUBJECT=mailto:admin@example.org")
