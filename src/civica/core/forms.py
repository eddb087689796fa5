"""Form helpers shared by every app's views."""

from django.core.exceptions import ValidationError


def add_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form that was sent: each field's messages on that field,
    messages for unknown fields or without a field above the form, so the page re-renders filled."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def run_service(form, call):
    """The one way a view calls a service with a form: validate, call, and put refusals on the form.

    `call` takes the form's cleaned data and does the work. Returns `(True, result)` when done,
    `(False, None)` when the form is invalid or the service refused (the errors are then on the form,
    which keeps what was typed). PermissionDenied and Http404 pass through: the web layer answers 404.

        ok, case = run_service(form, lambda data: services.case_open(actor=request.user, **data))
        if ok:
            return redirect(case)
    """
    if not form.is_valid():
        return False, None
    try:
        return True, call(form.cleaned_data)
    except ValidationError as error:
        add_errors(form, error)
        return False, None
