"""The directory's entries in the shared search index: public services only, never an address
(a shelter's location must not be findable), with their translations and categories."""

from civica.core import search
from civica.core.models import SearchEntry

from . import visibility
from .models import Service

RECORD_TYPE = "directory.service"


def index_service(service: Service) -> None:
    if not visibility.public(Service).filter(id=service.id).exists():
        search.unindex(service)
        return
    translations = " ".join(
        f"{values.get('name', '')} {values.get('description', '')}" for values in service.translations.values()
    )
    organization = service.organization.name if service.organization_id and service.organization else ""
    search.index(
        instance=service,
        title=service.name,
        body=f"{service.alternate_name} {service.description} {translations} {organization}",
        language=service.language,
        is_public=True,
    )


def reindex_all() -> None:
    public_ids = set(visibility.public(Service).values_list("id", flat=True))
    SearchEntry.objects.filter(record_type=RECORD_TYPE).exclude(record_uuid__in=public_ids).delete()
    for service in Service.objects.filter(id__in=public_ids).select_related("organization"):
        index_service(service)
