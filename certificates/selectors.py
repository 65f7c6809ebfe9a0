from .models import Certificate


def public_record(certificate: Certificate) -> dict:
    """What anyone may see about a certificate. Nothing else about the person: no ID number,
    birth date, phone or address."""
    data = certificate.data
    return {
        "number": certificate.number,
        "holder_name": data["holder"]["name"],
        "course": data["course"]["title"],
        "jp": data["course"]["jp"],
        "predicate": data.get("predicate") or "",
        "issued_at": certificate.issued_at,
        "issuer": data["template"]["institution_name"],
        "status": certificate.status,
        "status_label": certificate.get_status_display(),
        "revoked_at": certificate.revoked_at,
        "revoke_reason": certificate.revoke_reason if certificate.revoked_at else "",
        "valid_until": certificate.valid_until,
        "superseded_by": getattr(certificate, "superseded_by", None),
        "supersedes": certificate.supersedes,
        "sha256": certificate.sha256,
    }
