"""Benchmark the certificate path, in one process and run, against WeasyPrint's own cost.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/certificates.py

1. Issuing (data, template, QR, render, hash, store) / WeasyPrint alone rendering the same
   final HTML; absolute medians beside a minimal one-page WeasyPrint document.
2. Download of an issued certificate / serving a static file of the same size.
3. Bulk issuing of BULK certificates (default 200) in the background job: total time against
   the time WeasyPrint's renders took inside the job, and against BULK x one render measured
   after it; and the process's peak memory.
It creates and drops its own test database.
"""

import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import (  # noqa: E402
    override_settings,
    setup_test_environment,
    teardown_test_environment,
)

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
STATIC_DIR = [None]


def _serve_static(request, path):
    from django.views.static import serve

    return serve(request, path, document_root=STATIC_DIR[0])


def _urlpatterns():
    from django.urls import include, path

    return [path("bench-static/<path:path>", _serve_static), path("", include("lms.urls"))]


BULK = int(os.environ.get("BENCH_BULK", "200"))


def median_ms(samples):
    return statistics.median(samples) * 1000


def spread_ms(samples) -> dict:
    """p50/p95/p99 in ms (the last two need enough samples to mean much)."""
    if len(samples) < 2:
        return {"p50": median_ms(samples), "p95": median_ms(samples), "p99": median_ms(samples)}
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": median_ms(samples), "p95": cuts[94] * 1000, "p99": cuts[98] * 1000}


def main() -> None:
    from django.test import Client
    from django.utils import timezone
    from weasyprint import HTML

    from assessments.models import Verdict
    from certificates.models import BulkJob, Certificate, CertificateTemplate, new_verification_code
    from certificates.render import certificate_html, font_config, render_pdf
    from certificates.services import certificate_data, certificate_issue
    from certificates.tasks import run_bulk_job
    from demo.factories import kompeten_volunteer, make_course, make_user

    CertificateTemplate.objects.create(
        name="Bench", is_default=True, signatory_name="Kepala Dinas", validity_years=5
    )
    course = make_course(title="Bimtek Dasar PSM", modules=10, lessons=1)
    admin = make_user("bench-admin", "Admin Dinsos")

    def kompeten(i):
        return kompeten_volunteer(course=course, username=f"bench{i}", phone=f"+6281230{i:06d}")

    # Warm up: fonts, stylesheet and template caches, as in a running worker.
    certificate_issue(holder=kompeten(0), course=course)
    issue, weasy, minimal = [], [], []
    template = CertificateTemplate.objects.get()
    today = timezone.localdate()
    valid_until = today.replace(year=today.year + template.validity_years)
    for i in range(1, ROUNDS + 1):
        person, other = kompeten(2 * i), kompeten(2 * i + 1)
        # WeasyPrint alone on a final certificate HTML for a volunteer whose text it has never
        # shaped (as the issuing path always has), and the whole issuing path for another; in
        # alternating order so that neither always runs with the other's caches warm.
        data = certificate_data(
            holder=other,
            course=course,
            template=template,
            number=f"B{i}/X/2026",
            code=new_verification_code(),
            issued_on=timezone.localdate(),
            valid_until=valid_until,  # same content as an issued one: validity row, predicate
            verdict=Verdict.objects.get(volunteer=other),
        )
        html = certificate_html(data)

        def weasy_once(html=html):
            start = time.perf_counter()
            render_pdf(html, page_size="A4", orientation="portrait")
            weasy.append(time.perf_counter() - start)

        def issue_once(person=person):
            start = time.perf_counter()
            certificate_issue(holder=person, course=course)
            issue.append(time.perf_counter() - start)

        if i % 2:
            weasy_once()
            issue_once()
        else:
            issue_once()
            weasy_once()
        start = time.perf_counter()
        HTML(string="<p>Sertifikat</p>").write_pdf(font_config=font_config())
        minimal.append(time.perf_counter() - start)

    # Downloads against a static file of the same size.
    client = Client()
    client.force_login(admin)
    certificate = Certificate.objects.first()
    size = certificate.pdf.size
    static_dir = Path(tempfile.mkdtemp())
    (static_dir / "same-size.pdf").write_bytes(os.urandom(size))
    download, static, checks = [], [], []
    STATIC_DIR[0] = static_dir
    # The static file goes through the same middleware stack (session, auth, language), as a
    # file served by the project would; only the view differs.
    with override_settings(ROOT_URLCONF=__name__):
        link = client.get(f"/sertifikat/{certificate.pk}/unduh/").url
        for _ in range(ROUNDS * 10):
            start = time.perf_counter()
            check = client.get(f"/sertifikat/{certificate.pk}/unduh/")
            checks.append(time.perf_counter() - start)
            assert check.status_code == 302
            start = time.perf_counter()
            response = client.get(link)
            b"".join(response.streaming_content)
            download.append(time.perf_counter() - start)
            start = time.perf_counter()
            response = client.get("/bench-static/same-size.pdf")
            b"".join(response.streaming_content)
            static.append(time.perf_counter() - start)

    print(f"database: {connection.vendor}; rounds: {ROUNDS}")
    print(f"issue (whole path)        {median_ms(issue):8.1f} ms")
    print(
        f"WeasyPrint, same HTML     {median_ms(weasy):8.1f} ms   "
        f"ratio {median_ms(issue) / median_ms(weasy):.2f}"
    )
    print(f"minimal one-page document {median_ms(minimal):8.1f} ms")
    print(f"permission check + link  {median_ms(checks):8.2f} ms   (login, certificate, signing)")
    print(f"download of a certificate {median_ms(download):8.2f} ms   ({size} bytes, signed link)")
    print(
        f"static file, same size    {median_ms(static):8.2f} ms   "
        f"ratio {median_ms(download) / median_ms(static):.2f}"
    )

    if os.environ.get("BENCH_JSON"):  # for bench/run.py (`make bench`)
        Path(os.environ["BENCH_JSON"]).write_text(
            json.dumps(
                {
                    "issue": spread_ms(issue),
                    "weasyprint": spread_ms(weasy),
                    "minimal": spread_ms(minimal),
                    "download": spread_ms(download),
                    "static": spread_ms(static),
                    "rounds": ROUNDS,
                }
            )
        )
    if BULK == 0:
        return

    # Bulk issuing in the background job.
    bulk_course = make_course(title="Angkatan Massal", modules=10, lessons=1)
    course = bulk_course
    for i in range(BULK):
        kompeten(10_000 + i)
    job = BulkJob.objects.create(kind="issue", course=bulk_course, requested_by=admin)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Time WeasyPrint inside the job too: the same renders, at the same moments, so a burst of
    # load on the machine weighs on both sides of the ratio alike.
    from certificates import services

    inside, real_render = [], services.render_pdf

    def timed_render(*args, **kwargs):
        begin = time.perf_counter()
        try:
            return real_render(*args, **kwargs)
        finally:
            inside.append(time.perf_counter() - begin)

    services.render_pdf = timed_render
    start = time.perf_counter()
    try:
        run_bulk_job.call(job.pk)
    finally:
        services.render_pdf = real_render
    total = time.perf_counter() - start
    job.refresh_from_db()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # One render, measured right after the bulk job (the machine's speed drifts over minutes),
    # each time on a volunteer's text not shaped before.
    after = []
    for j in range(ROUNDS):
        fresh = kompeten(90_000 + j)
        data = certificate_data(
            holder=fresh,
            course=bulk_course,
            template=template,
            number=f"A{j}/X/2026",
            code=new_verification_code(),
            issued_on=timezone.localdate(),
            valid_until=valid_until,
            verdict=Verdict.objects.get(volunteer=fresh),
        )
        html = certificate_html(data)
        start = time.perf_counter()
        render_pdf(html, page_size="A4", orientation="portrait")
        after.append(time.perf_counter() - start)
    one_render = median_ms(after) / 1000
    print(
        f"bulk: {job.done}/{job.total} issued in {total:.1f} s; WeasyPrint's share inside the "
        f"job {sum(inside):.1f} s: ratio {total / sum(inside):.2f}"
    )
    print(
        f"      against {BULK} x one render measured after the job = {BULK * one_render:.1f} s: "
        f"ratio {total / (BULK * one_render):.2f} (more exposed to the machine's load swings)"
    )
    print(
        f"peak memory of the process: {peak / 1024:.0f} MiB "
        f"(before the bulk job {rss_before / 1024:.0f} MiB)"
    )


urlpatterns = _urlpatterns()

if __name__ == "__main__":
    override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ).enable()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        main()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
