from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from civica.core import topics


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Reference or title"), required=False, max_length=100)
    state = forms.ChoiceField(label=_("State"), required=False)

    def __init__(self, *args, states=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("Any state")), *states]


class RequestForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Send to"), queryset=None, to_field_name="slug")
    requester_organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=None, to_field_name="slug")
    title = forms.CharField(label=_("Title"), max_length=250, help_text=_("One line that says what the case is about."))
    summary = forms.CharField(
        label=_("Describe the situation"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What happened, who is involved (without personal data that is not needed), what you ask for."),
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=topics.choices(_("Choose a topic")))
    language = forms.ChoiceField(label=_("Language of the case"), choices=settings.LANGUAGES)

    def __init__(self, *args, recipients, own_organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = recipients
        self.fields["requester_organisation"].queryset = own_organisations


class TransitionForm(forms.Form):
    transition = forms.CharField(widget=forms.HiddenInput)
    outcome = forms.CharField(label=_("Outcome"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 4}))
    shared_with_requester = forms.BooleanField(label=_("Share with the requester"), required=False)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=250)
    due_on = forms.DateField(label=_("Due on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class OwnerForm(forms.Form):
    person = forms.TypedChoiceField(label=_("Person"), coerce=str)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(str(p.uuid), p.display_name) for p in people]


class ConsultationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("phone", _("Phone")), ("in_person", _("Face to face")), ("video", _("Video"))]
    )
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    duration_minutes = forms.IntegerField(label=_("Duration in minutes"), min_value=10, max_value=480, initial=60)
    location = forms.CharField(
        label=_("Place or phone number"),
        required=False,
        max_length=250,
        help_text=_("Not needed for video: Civica creates the video room."),
    )
    participants = forms.CharField(
        label=_("Invite by e-mail"),
        required=False,
        help_text=_("Addresses separated by commas. The requester is always invited."),
    )

    def clean_participants(self):
        from django.core.validators import validate_email

        emails = [e.strip() for e in self.cleaned_data["participants"].replace(";", ",").split(",") if e.strip()]
        for email in emails:
            try:
                validate_email(email)
            except forms.ValidationError as error:
                raise forms.ValidationError(_("“%(value)s” is not an e-mail address.") % {"value": email}) from error
        return emails


class ConsultationNotesForm(forms.Form):
    notes = forms.CharField(label=_("Notes of the consultation"), widget=forms.Textarea(attrs={"rows": 4}))


class LogContactForm(forms.Form):
    """A phone call or a visit taken by the centre's staff during office hours."""

    organisation = forms.ModelChoiceField(label=_("Taken by"), queryset=None, to_field_name="slug")
    channel = forms.ChoiceField(label=_("Came in by"), choices=[("phone", _("Phone call")), ("visit", _("Visit"))])
    requester_organisation = forms.ModelChoiceField(
        label=_("From"), queryset=None, to_field_name="slug", required=False, help_text=_("Leave empty for a citizen.")
    )
    title = forms.CharField(label=_("Title"), max_length=250)
    summary = forms.CharField(label=_("What was asked"), widget=forms.Textarea(attrs={"rows": 6}))
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=topics.choices(_("Choose a topic")))
    language = forms.ChoiceField(label=_("Language of the case"), choices=settings.LANGUAGES)

    def __init__(self, *args, centres, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = centres
        self.fields["requester_organisation"].queryset = organisations


class DocumentUploadForm(forms.Form):
    # It shares the case page with the note form: the prefix keeps their field ids apart.
    prefix = "upload"

    file = forms.FileField(label=_("File"), help_text=_("PDF, Word, OpenDocument, RTF, text or image, up to 10 MB."))
    title = forms.CharField(label=_("Title"), max_length=250, required=False)
    shared_with_requester = forms.BooleanField(label=_("Share with the requester"), required=False)


class DocumentMakeForm(forms.Form):
    """Asked when a document is made from a template: its language and whether the requester sees it;
    the kind's own questions (a meeting's date, a representative's name) come as a second form."""

    language = forms.ChoiceField(label=_("Language of the document"), choices=settings.LANGUAGES)
    shared_with_requester = forms.BooleanField(label=_("Share with the requester"), required=False)


class TemplateUploadForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    file = forms.FileField(
        label=_("Template (.docx)"),
        help_text=_("A Word document using the placeholders listed on this page."),
    )


class SolutionFilterForm(forms.Form):
    """Narrows the similar solutions shown while a case is analysed."""

    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=topics.choices(_("Any topic")))
    territory = forms.ChoiceField(label=_("Territory"), required=False)

    def __init__(self, *args, territories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].choices = [("", _("Anywhere")), *[(t.code, t.name) for t in territories]]
