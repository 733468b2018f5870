"""The OpenAPI schema declares the error answers every operation can give (issue 22, point 5):
400 (the request is invalid: field errors, or `detail`), 401 (no or an unknown token), 403
(the role does not allow it), 404 (no such organisation or entry) and 503 (the database is
busy; try again after `Retry-After` seconds)."""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers

DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string", "description": "What went wrong."}},
    "required": ["detail"],
}
VALIDATION = {
    "type": "object",
    "description": (
        "Field name (or `non_field_errors`) to its messages, or `detail` when the body "
        "could not be read at all."
    ),
    "additionalProperties": {},
}
BUSY = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "retry_after": {"type": "integer", "description": "Seconds to wait before retrying."},
    },
    "required": ["detail"],
}
ERRORS = {
    "400": ("ValidationError", VALIDATION, "The request is invalid; nothing was changed."),
    "401": ("Error", DETAIL, "No valid token or session."),
    "403": ("Error", DETAIL, "Your role in this organisation does not allow this."),
    "404": ("Error", DETAIL, "No such organisation or entry (or not yours to see)."),
    "503": ("Busy", BUSY, "The database is busy; nothing was changed. Retry after Retry-After."),
}


class AutoSchema(SpectacularAutoSchema):
    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if direction == "request" and isinstance(field, serializers.DecimalField):
            # amounts are answered as strings ("1234.50") and taken as strings or numbers
            number = {"type": "number"}
            if field.min_value is not None:
                number["minimum"] = float(field.min_value)
            if field.max_value is not None:
                number["maximum"] = float(field.max_value)
            nullable = schema.pop("nullable", None)
            description = schema.pop("description", None)
            schema = {"oneOf": [schema, number]}
            if nullable:
                schema["nullable"] = True
            if description:
                schema["description"] = description
        return schema

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code, (name, schema, description) in ERRORS.items():
            if code in responses:
                continue
            component = ResolvedComponent(
                name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema
            )
            self.registry.register_on_missing(component)
            responses[code] = {
                "description": description,
                "content": {"application/json": {"schema": component.ref}},
            }
        return responses
