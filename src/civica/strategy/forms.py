from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from civica.core.validators import PublicURLValidator

from .models import Comment, CouncilDecision, FundingSource, Question, Survey, Vote

DATE = forms.DateInput(attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}, format="%Y-%m-%d")
TEXTAREA = {"rows": 3, "class": "govuk-textarea"}


class StrategyForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, to_field_name="slug")
    title = forms.CharField(label=_("Title"), max_length=250)
    working_group = forms.ModelChoiceField(
        label=_("Working group drafting it"), queryset=None, required=False, to_field_name="uuid"
    )
    period = forms.CharField(label=_("Period"), max_length=40, required=False)
    plan_year = forms.IntegerField(label=_("Year of the action plan"), min_value=2000, max_value=2100, required=False)
    language = forms.ChoiceField(label=_("Language of the strategy"), choices=settings.LANGUAGES)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs=TEXTAREA))
    from_template = forms.BooleanField(
        label=_("Start with the seven stages of a participatory social-services strategy"), required=False
    )

    def __init__(self, *args, organisations, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["working_group"].queryset = groups


class StageForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250)
    starts_on = forms.DateField(label=_("Starts"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("Ends"), required=False, widget=DATE)
    groups = forms.ModelMultipleChoiceField(label=_("Groups"), queryset=None, required=False, to_field_name="uuid")
    meetings = forms.ModelMultipleChoiceField(label=_("Meetings"), queryset=None, required=False, to_field_name="uuid")

    def __init__(self, *args, groups, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"].queryset = groups
        self.fields["meetings"].queryset = meetings


class StageAddForm(forms.Form):
    title = forms.CharField(label=_("Title of the new stage"), max_length=250)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=250)
    file = forms.FileField(
        label=_("File (PDF, Word, OpenDocument, Excel, up to 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
    )


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Survey.Purpose.choices)
    introduction = forms.CharField(label=_("Introduction"), required=False, widget=forms.Textarea(attrs=TEXTAREA))
    questions = forms.CharField(
        label=_("Questions"),
        help_text=_(
            "One question per line, starting with its kind: 'choice: question | answer | answer', "
            "'scale: question' (1 to 5) or 'text: question'."
        ),
        widget=forms.Textarea(attrs={"rows": 6, "class": "govuk-textarea"}),
    )

    def clean_questions(self):
        questions = []
        for line in self.cleaned_data["questions"].splitlines():
            if not line.strip():
                continue
            kind, _sep, rest = line.partition(":")
            kind = kind.strip().lower()
            if kind not in Question.Kind.values or not rest.strip():
                raise forms.ValidationError(_("Start each line with choice:, scale: or text:, then the question."))
            text, *choices = [part.strip() for part in rest.split("|")]
            questions.append({"kind": kind, "text": text, "choices": choices})
        return questions


class TokenForm(forms.Form):
    count = forms.IntegerField(label=_("How many one-time codes"), min_value=1, max_value=500, initial=20)


class AnswerForm(forms.Form):
    """The survey's questions as fields `question_<id>`; a one-time code when the person has no account."""

    def __init__(self, *args, questions, with_code=False, **kwargs):
        super().__init__(*args, **kwargs)
        if with_code:
            self.fields["token"] = forms.CharField(label=_("Your one-time code"), max_length=40)
        for question in questions:
            name = f"question_{question.pk}"
            if question.kind == Question.Kind.CHOICE:
                self.fields[name] = forms.ChoiceField(
                    label=question.text, choices=[(c, c) for c in question.choices], widget=forms.RadioSelect
                )
            elif question.kind == Question.Kind.SCALE:
                self.fields[name] = forms.ChoiceField(
                    label=question.text,
                    choices=[(str(n), str(n)) for n in range(1, 6)],
                    widget=forms.RadioSelect,
                    help_text=_("1 = very badly, 5 = very well"),
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text, max_length=5000, widget=forms.Textarea(attrs=TEXTAREA)
                )

    def answers(self) -> dict:
        return {
            int(name.removeprefix("question_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("question_")
        }


class ProposalForm(forms.Form):
    text = forms.CharField(label=_("Your proposal"), max_length=5000, widget=forms.Textarea(attrs=TEXTAREA))
    on_behalf_of = forms.CharField(label=_("On behalf of (person or group)"), max_length=250, required=False)
    from_paper = forms.BooleanField(label=_("Entered from paper by a facilitator"), required=False)

    def __init__(self, *args, facilitator=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not facilitator:  # only those who work on the strategy enter proposals from paper
            del self.fields["from_paper"]


class VersionForm(forms.Form):
    """The current paragraphs as fields `p_<uuid>` (empty: removed) and new paragraphs at the end."""

    note = forms.CharField(label=_("What changed in this version"), max_length=500, required=False)

    def __init__(self, *args, texts=(), **kwargs):
        super().__init__(*args, **kwargs)
        for index, text in enumerate(texts, start=1):
            self.fields[f"p_{text.paragraph.uuid}"] = forms.CharField(
                label=_("Paragraph %(number)s") % {"number": index},
                required=False,
                initial=text.text,
                widget=forms.Textarea(attrs=TEXTAREA),
            )
        self.fields["new"] = forms.CharField(
            label=_("New paragraphs"),
            help_text=_("Separate paragraphs by an empty line; start a heading with #."),
            required=not texts,
            widget=forms.Textarea(attrs={"rows": 6, "class": "govuk-textarea"}),
        )
        self.texts = list(texts)

    def paragraphs(self) -> list[dict]:
        from .services import paragraphs_from_text

        kept = [
            {
                "paragraph": text.paragraph.uuid,
                "text": self.cleaned_data.get(f"p_{text.paragraph.uuid}", ""),
                "heading": text.is_heading,
            }
            for text in self.texts
        ]
        return kept + paragraphs_from_text(self.cleaned_data.get("new", ""))


class CommentForm(forms.Form):
    paragraph = forms.ChoiceField(label=_("Paragraph"))
    text = forms.CharField(label=_("Your comment"), max_length=5000, widget=forms.Textarea(attrs=TEXTAREA))
    on_behalf_of = forms.CharField(label=_("On behalf of (organisation)"), max_length=250, required=False)

    def __init__(self, *args, texts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].choices = [(str(t.paragraph.uuid), f"§{t.position}: {t.text[:70]}") for t in texts]


class CommentAnswerForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Answer"), choices=Comment.Verdict.choices)
    reason = forms.CharField(label=_("Why"), required=False, max_length=5000, widget=forms.Textarea(attrs=TEXTAREA))


class ObjectiveForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)
    title = forms.CharField(label=_("Strategic objective"), max_length=500)


class MeasureForm(forms.Form):
    objective = forms.ModelChoiceField(label=_("Objective"), queryset=None, to_field_name="uuid")
    code = forms.CharField(label=_("Code"), max_length=20)
    title = forms.CharField(label=_("Measure"), max_length=500)

    def __init__(self, *args, objectives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = objectives


class ActionForm(forms.Form):
    measure = forms.ModelChoiceField(label=_("Measure"), queryset=None, to_field_name="uuid")
    code = forms.CharField(label=_("Code"), max_length=20)
    title = forms.CharField(label=_("Action"), max_length=500)
    owner = forms.CharField(label=_("Owner (person or office)"), max_length=250, required=False)
    institution = forms.ModelChoiceField(label=_("Institution"), queryset=None, required=False, to_field_name="slug")
    budget = forms.DecimalField(label=_("Budget (lei)"), min_value=0, max_digits=14, decimal_places=2, initial=0)
    funding_call = forms.ModelChoiceField(
        label=_("Funding (source and call)"), queryset=None, required=False, to_field_name="uuid"
    )
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DATE)
    indicator = forms.CharField(label=_("Indicator"), max_length=300, required=False)
    sdg_indicators = forms.ModelMultipleChoiceField(
        label=_("SDG 16 indicators"), queryset=None, required=False, to_field_name="code"
    )
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100, initial=0)

    def __init__(self, *args, measures, organisations, calls, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = measures
        self.fields["institution"].queryset = organisations
        self.fields["funding_call"].queryset = calls
        self.fields["funding_call"].label_from_instance = lambda call: f"{call.source.name}: {call.title}"
        self.fields["sdg_indicators"].queryset = indicators
        self.fields["sdg_indicators"].label_from_instance = lambda indicator: indicator.code


class ProgressForm(forms.Form):
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)


class FundingSourceForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, to_field_name="slug")
    name = forms.CharField(label=_("Name of the funding source"), max_length=250)
    kind = forms.ChoiceField(label=_("Kind"), choices=FundingSource.Kind.choices)
    url = forms.URLField(label=_("Web page"), required=False, assume_scheme="https", validators=[PublicURLValidator()])

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class FundingCallForm(forms.Form):
    source = forms.ModelChoiceField(label=_("Funding source"), queryset=None, to_field_name="uuid")
    title = forms.CharField(label=_("Title of the call"), max_length=250)
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)
    url = forms.URLField(label=_("Web page"), required=False, assume_scheme="https", validators=[PublicURLValidator()])

    def __init__(self, *args, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = sources


class DecisionForm(forms.Form):
    reference = forms.CharField(label=_("Number of the draft decision"), max_length=100)
    seats = forms.IntegerField(label=_("Councillors in office"), min_value=1, max_value=200)
    majority = forms.ChoiceField(label=_("Majority required"), choices=CouncilDecision.Majority.choices)


class VoteForm(forms.Form):
    councillor = forms.CharField(label=_("Councillor"), max_length=250)
    group = forms.CharField(label=_("Political group"), max_length=100, required=False)
    option = forms.ChoiceField(label=_("Vote"), choices=Vote.Option.choices)


class CloseVoteForm(forms.Form):
    voted_on = forms.DateField(label=_("Date of the vote"), widget=DATE)


class CharterForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, to_field_name="slug")
    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea(attrs=TEXTAREA))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class SignatureForm(forms.Form):
    organisation_name = forms.CharField(label=_("Organisation"), max_length=250)
    representative = forms.CharField(label=_("Representative who signed"), max_length=250)
    signed_on = forms.DateField(label=_("Date of signature"), widget=DATE)


class SwotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.group.name}: {obj.title}" if obj.group_id else obj.title


class SwotEntryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_kind_display()}: {obj.text[:120]} ({obj.analysis.title})"


class SwotLinkForm(forms.Form):
    analysis = SwotChoiceField(
        label=_("SWOT analysis of a group the strategy uses"), queryset=None, to_field_name="uuid"
    )

    def __init__(self, *args, analyses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["analysis"].queryset = analyses


class ObjectiveSwotForm(forms.Form):
    objective = forms.ModelChoiceField(label=_("Objective"), queryset=None, to_field_name="uuid")
    swot_entries = SwotEntryChoiceField(
        label=_("SWOT entries the objective answers"),
        help_text=_("The choice replaces the entries cited before; choose none to cite none."),
        queryset=None,
        required=False,
    )

    def __init__(self, *args, objectives, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = objectives
        self.fields["swot_entries"].queryset = entries
