from uuid import UUID

from ninja import Schema


class MembershipOut(Schema):
    organisation: UUID
    organisation_name: str
    role: str


class MeOut(Schema):
    uuid: UUID
    email: str
    first_name: str
    last_name: str
    preferred_language: str
    is_platform_admin: bool
    memberships: list[MembershipOut]
