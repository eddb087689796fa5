"""The council's pages: the public record (council, sittings, councillors, drafts and decisions) and the
secretary's work (convene, attendance, roll call, publish). Thin: selectors read, services write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from civica.core.forms import run_service

from . import exports, popolo, selectors, services
from .forms import AttendanceForm, DecisionForm, RecommendationForm, SittingForm, VoteForm
from .models import Body, Motion, Person, Sitting


def _get(getter, request, uuid, model):
    try:
        return getter(user=request.user, uuid=uuid)
    except (model.DoesNotExist, ValidationError) as error:
        raise Http404 from error


def council_list(request):
    return render(request, "council/list.html", {"councils": selectors.councils_visible_to(request.user)})


def council_detail(request, uuid):
    body = _get(selectors.council_get, request, uuid, Body)
    rows = selectors.attendance_table(body)
    context = {
        "body": body,
        "members": selectors.members_of(body),
        "committees": selectors.committees_of(body),
        "sittings": selectors.sittings_visible_to(request.user, body)[:20],
        "decisions": selectors.decisions_of(body)[:20],
        "debates": selectors.motions_in_debate(body),
        "rows": rows,
        "bar_height": 28,
        "chart_height": 28 * len(rows) + 10,
        "runs": selectors.runs_council(request.user, body),
    }
    return render(request, "council/detail.html", context)


def council_popolo(request, uuid):
    body = _get(selectors.council_get, request, uuid, Body)
    return JsonResponse(popolo.council_export(body), json_dumps_params={"ensure_ascii": False})


def council_csv(request, uuid, what):
    body = _get(selectors.council_get, request, uuid, Body)
    text = exports.votes_csv(body) if what == "votes" else exports.attendance_csv(body)
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{what}.csv"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def sitting_create(request, uuid):
    body = _get(selectors.council_get, request, uuid, Body)
    if not request.user.has_perm("council.manage_council", body):
        raise PermissionDenied
    motions = body.motions.filter(status__in=[Motion.Status.DRAFT, Motion.Status.DEBATE])
    form = SittingForm(request.POST or None, motions=motions)
    if request.method == "POST":
        ok, sitting = run_service(
            form,
            lambda data: services.sitting_convene(
                actor=request.user,
                body=body,
                title=data["title"],
                starts_at=data["starts_at"],
                place=data["place"],
                stream_url=data["stream_url"],
                is_public=data["is_public"],
                items=[{"kind": "draft_decision", "title": m.title, "motion": m} for m in data["motions"]],
            ),
        )
        if ok:
            messages.success(request, _("The sitting is convened."))
            return redirect("council:sitting", sitting.uuid)
    return render(request, "council/convene.html", {"body": body, "form": form})


@require_http_methods(["GET", "POST"])
def sitting_detail(request, uuid):
    sitting = _get(selectors.sitting_get, request, uuid, Sitting)
    runs = request.user.has_perm("council.run_sitting", sitting)
    people = (
        [
            seat.person
            for seat in selectors.voting_seats_on(sitting.body, sitting.starts_at.date())
            .select_related("person")
            .order_by("person__name")
        ]
        if runs
        else []
    )
    agenda_motions = Motion.objects.filter(pk__in=sitting.items.values("motion_id"), status__in=["draft", "debate"])
    current = dict(sitting.attendance.values_list("person_id", "status"))
    attendance_form = AttendanceForm(
        request.POST if "attendance" in request.POST else None, people=people, current=current
    )
    vote_form = VoteForm(request.POST if "vote" in request.POST else None, motions=agenda_motions, people=people)
    if request.method == "POST":
        if not runs:
            raise PermissionDenied
        if "attendance" in request.POST:
            ok, _rows = run_service(
                attendance_form,
                lambda data: services.attendance_record(
                    actor=request.user, sitting=sitting, statuses=attendance_form.statuses()
                ),
            )
            if ok:
                messages.success(request, _("Attendance recorded."))
                return redirect("council:sitting", sitting.uuid)
        elif "vote" in request.POST:
            ok, _event = run_service(
                vote_form,
                lambda data: services.vote_record(
                    actor=request.user,
                    sitting=sitting,
                    motion=data["motion"],
                    held_at=max(timezone.now(), sitting.starts_at),
                    rule=data["rule"],
                    votes=vote_form.votes(),
                ),
            )
            if ok:
                messages.success(request, _("The vote is recorded."))
                return redirect("council:sitting", sitting.uuid)
    context = {
        "sitting": sitting,
        "items": selectors.items_of(sitting),
        "attendance": selectors.attendance_of(sitting),
        "vote_events": selectors.vote_events_of(sitting),
        "runs": runs,
        "attendance_form": attendance_form,
        "vote_form": vote_form,
    }
    return render(request, "council/sitting.html", context)


def person_detail(request, uuid):
    person = _get(selectors.person_get, request, uuid, Person)
    seat = person.seats.filter(body__kind=Body.Kind.COUNCIL).select_related("body").order_by("-start_date").first()
    if seat is None:
        raise Http404
    record = selectors.record_of(person, seat.body)
    return render(request, "council/person.html", {"person": person, "body": seat.body, "record": record})


@require_http_methods(["GET", "POST"])
def motion_detail(request, uuid):
    motion = _get(selectors.motion_get, request, uuid, Motion)
    may_recommend = request.user.has_perm("council.recommend", motion)
    runs = request.user.has_perm("council.manage_motion", motion)
    recommendation_form = RecommendationForm(request.POST if "recommend" in request.POST else None)
    decision_form = DecisionForm(
        request.POST if "publish" in request.POST else None, request.FILES if "publish" in request.POST else None
    )
    if request.method == "POST":
        if "recommend" in request.POST:
            if not request.user.is_authenticated:
                return redirect(f"/accounts/login/?next={request.path}")
            ok, _r = run_service(
                recommendation_form,
                lambda data: services.recommendation_add(actor=request.user, motion=motion, text=data["text"]),
            )
            if ok:
                messages.success(request, _("Thank you: your recommendation is recorded."))
                return redirect("council:motion", motion.uuid)
        elif "publish" in request.POST:
            if not runs:
                raise PermissionDenied
            ok, _d = run_service(
                decision_form,
                lambda data: services.decision_publish(
                    actor=request.user, motion=motion, official_id=data["official_id"], pdf=data["pdf"]
                ),
            )
            if ok:
                messages.success(request, _("The decision is published."))
                return redirect("council:motion", motion.uuid)
    context = {
        "motion": motion,
        "decision": getattr(motion, "decision", None) if motion.status == Motion.Status.ADOPTED else None,
        "vote_events": motion.vote_events.select_related("sitting").prefetch_related("votes__person"),
        "recommendations": motion.recommendations.all(),
        "opinions": motion.opinions.select_related("committee"),
        "may_recommend": may_recommend,
        "runs": runs,
        "recommendation_form": recommendation_form,
        "decision_form": decision_form,
    }
    return render(request, "council/motion.html", context)
