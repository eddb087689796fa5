from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import FollowUp, Group, GroupMember, Meeting, Point, SwotEntry


class GroupForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, to_field_name="slug")
    name = forms.CharField(label=_("Name"), max_length=250)
    kind = forms.ChoiceField(label=_("Kind"), choices=Group.Kind.choices)
    visibility = forms.ChoiceField(label=_("Who can see it"), choices=Group.Visibility.choices)
    language = forms.ChoiceField(label=_("Language of the minutes"), choices=settings.LANGUAGES)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person"))
    position = forms.ChoiceField(label=_("Position"), choices=GroupMember.Position.choices)
    organisation = forms.ModelChoiceField(
        label=_("On behalf of (organisation)"), queryset=None, required=False, to_field_name="slug"
    )
    starts_on = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250)
    kind = forms.ChoiceField(label=_("Kind"), choices=Meeting.Kind.choices)
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local", "class": "govuk-input govuk-input--width-20"}, format="%Y-%m-%dT%H:%M"
        ),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local", "class": "govuk-input govuk-input--width-20"}, format="%Y-%m-%dT%H:%M"
        ),
    )
    place = forms.CharField(label=_("Place"), max_length=250, required=False)
    video = forms.BooleanField(label=_("Hold it by video (a Jitsi Meet room is created)"), required=False)
    institutions = forms.ModelMultipleChoiceField(
        label=_("Institutions taking part"), queryset=None, required=False, to_field_name="slug"
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institutions"].queryset = organisations


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Agenda item"), max_length=300)
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=0, max_value=600, initial=15)
    parent = forms.TypedChoiceField(label=_("Under"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, top_items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = [("", _("Top level")), *[(item.pk, item.title) for item in top_items]]


class ThemeForm(forms.Form):
    title = forms.CharField(label=_("Theme"), max_length=300)
    sdg_targets = forms.ModelMultipleChoiceField(
        label=_("SDG 16 targets"), queryset=None, required=False, to_field_name="code"
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdg_targets"].queryset = targets
        self.fields["sdg_targets"].label_from_instance = lambda target: f"{target.code} {target.title_in()}"[:90]


class PointForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Point.Kind.choices)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))
    institution = forms.ModelChoiceField(
        label=_("By which institution"), queryset=None, required=False, to_field_name="slug"
    )
    owner_email = forms.EmailField(label=_("By which person (e-mail of a group member)"), required=False)
    due_on = forms.DateField(label=_("By when"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sdg_targets = forms.ModelMultipleChoiceField(
        label=_("SDG 16 targets"), queryset=None, required=False, to_field_name="code"
    )
    sdg_indicators = forms.ModelMultipleChoiceField(
        label=_("SDG 16 indicators"), queryset=None, required=False, to_field_name="code"
    )

    def __init__(self, *args, organisations, indicators, targets=None, prefix=None, **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        self.fields["institution"].queryset = organisations
        self.fields["sdg_indicators"].queryset = indicators
        self.fields["sdg_indicators"].label_from_instance = lambda indicator: indicator.code
        if targets is None:
            del self.fields["sdg_targets"]
        else:
            self.fields["sdg_targets"].queryset = targets
            self.fields["sdg_targets"].label_from_instance = lambda target: target.code


class FollowUpStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=FollowUp.Status.choices)


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any kind")), *Group.Kind.choices])


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=250)
    file = forms.FileField(
        label=_("File (PDF, Word, OpenDocument, Excel, up to 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
    )


class ReviewCommentForm(forms.Form):
    text = forms.CharField(label=_("Your comment on the minutes"), widget=forms.Textarea(attrs={"rows": 3}))


def _person_label(user) -> str:
    return user.display_name


class IntroductionForm(forms.Form):
    """The minutes' introduction and who signs them (prepared by, coordinator, expert)."""

    introduction = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 5}), max_length=20000
    )
    prepared_by = forms.ModelChoiceField(label=_("Prepared by"), queryset=None, required=False, to_field_name="uuid")
    coordinator = forms.ModelChoiceField(
        label=_("Coordinator of the group"), queryset=None, required=False, to_field_name="uuid"
    )
    expert = forms.ModelChoiceField(label=_("Expert of the group"), queryset=None, required=False, to_field_name="uuid")

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("prepared_by", "coordinator", "expert"):
            self.fields[name].queryset = people
            self.fields[name].label_from_instance = _person_label


class SwotForm(forms.Form):
    title = forms.CharField(label=_("Title of the analysis"), max_length=250)
    meeting = forms.ModelChoiceField(
        label=_("Prepared in the meeting (optional)"), queryset=None, required=False, to_field_name="uuid"
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda meeting: f"{meeting.starts_at:%Y-%m-%d} {meeting.title}"


class SwotEntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=SwotEntry.Kind.choices)
    text = forms.CharField(label=_("Entry"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    points = forms.ModelMultipleChoiceField(
        label=_("Problems and solutions of the minutes it comes from"),
        queryset=None,
        required=False,
        to_field_name="uuid",
    )

    def __init__(self, *args, points, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["points"].queryset = points
        self.fields["points"].label_from_instance = lambda point: f"{point.get_kind_display()}: {point.text[:90]}"


class FollowUpSdgForm(forms.Form):
    sdg_indicators = forms.ModelMultipleChoiceField(
        label=_("SDG 16 indicators"), queryset=None, required=False, to_field_name="code"
    )

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdg_indicators"].queryset = indicators
        self.fields["sdg_indicators"].label_from_instance = lambda indicator: (
            f"{indicator.code} {indicator.title_in()}"[:110]
        )
