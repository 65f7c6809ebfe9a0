from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from people.roles import is_office_admin, is_trainer

from .kinds import KINDS
from .kinds import render as render_notification
from .models import Channel, Notification
from .selectors import notifications_for, preferences_for
from .services import notification_read, notifications_read_all, preferences_save

PER_PAGE = 20


@login_required
@require_GET
def notification_list(request):
    page = Paginator(notifications_for(user=request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    items = [(n, render_notification(n)) for n in page.object_list]
    return render(request, "notifications/list.html", {"page": page, "items": items})


@login_required
@require_POST
def notification_mark_read(request, notification_id: int):
    try:
        notification = notification_read(user=request.user, notification_id=notification_id)
    except Notification.DoesNotExist:
        raise Http404 from None
    # `next` (a page of ours), else the notification's own page, else the list.
    for target in (request.POST.get("next"), render_notification(notification)["url"]):
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            break
    else:
        target = "notification_list"
    return redirect(target)


@login_required
@require_POST
def notification_mark_all_read(request):
    notifications_read_all(user=request.user)
    messages.success(request, _("All notifications are marked read."))
    return redirect("notification_list")


@login_required
def notification_settings(request):
    channels, quiet = preferences_for(user=request.user)
    if request.method == "POST":
        chosen = {key: request.POST.getlist(f"kind-{key}") for key in KINDS}
        preferences_save(
            user=request.user, channels=chosen, quiet_hours=request.POST.get("quiet_hours") == "1"
        )
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notification_settings")
    # WhatsApp/SMS needs a phone on the account: not offered without one.
    offered = [
        c for c in Channel if c != Channel.INAPP and (c != Channel.TEXT or request.user.phone)
    ]
    rows = [
        {
            "key": key,
            "label": kind.label,
            "channels": [
                {"value": c.value, "label": c.label, "checked": c.value in channels[key]}
                for c in offered
            ],
        }
        for key, kind in KINDS.items()
        if kind.audience == "everyone"
        or (kind.audience == "trainer" and is_trainer(request.user))
        or (kind.audience == "office" and is_office_admin(request.user))
    ]
    context = {
        "rows": rows,
        "quiet_hours": quiet,
        "has_email": bool(request.user.email),
        "push_ready": bool(settings.VAPID_PUBLIC_KEY),
    }
    return render(request, "notifications/settings.html", context)
