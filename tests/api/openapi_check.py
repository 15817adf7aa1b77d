"""A small validator of JSON values and HTTP responses against an OpenAPI 3.0 document.

Standard library only. It knows the keywords the giaoban document uses: $ref, type (integer is not
number, booleans are neither), nullable, enum, properties, required, additionalProperties,
items, minItems/maxItems, minimum/maximum, minLength/maxLength, pattern, format (date, date-time,
int32, int64, byte), allOf, oneOf and anyOf. Unknown keywords are refused rather than ignored, so
that the document cannot say more than this validator checks.
"""
from __future__ import annotations

import base64
import binascii
import datetime
import json
import re
from typing import Any, Iterable

# Keywords that only annotate: they never make a value invalid.
_ANNOTATIONS = {"description", "example", "default", "title", "deprecated", "readOnly", "writeOnly",
                "externalDocs", "xml", "discriminator"}
_CHECKED = {"$ref", "type", "nullable", "enum", "properties", "required", "additionalProperties",
            "items", "minItems", "maxItems", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "minLength", "maxLength", "pattern", "format", "allOf", "oneOf",
            "anyOf"}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT_RANGES = {"int32": (-2**31, 2**31 - 1), "int64": (-2**63, 2**63 - 1)}


class SchemaError(Exception):
    """The document uses a keyword or construct this validator does not know."""


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."


class OpenApi:
    """One OpenAPI 3.0 document: schema validation and response checking."""

    def __init__(self, document: dict) -> None:
        self.doc = document
        servers = document.get("servers") or [{"url": ""}]
        self.base = servers[0]["url"].rstrip("/")
        self._paths: list[tuple[re.Pattern, str]] = []
        for template in document.get("paths", {}):
            pattern = re.escape(self.base + template)
            pattern = re.sub(r"\\\{[^}]*\\\}", "[^/]+", pattern)
            self._paths.append((re.compile("^" + pattern + "$"), template))
        # As OpenAPI says, a concrete path wins over a templated one: /tasks/export.xlsx before /tasks/{id}.
        self._paths.sort(key=lambda entry: entry[1].count("{"))

    # --- references ---------------------------------------------------------------------------

    def resolve(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise SchemaError(f"only local references are supported: {ref}")
        node: Any = self.doc
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if isinstance(node, list):
                node = node[int(part)]
            elif isinstance(node, dict) and part in node:
                node = node[part]
            else:
                raise SchemaError(f"unresolved reference {ref}")
        return node

    def deref(self, node: Any) -> Any:
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            node = self.resolve(node["$ref"])
            seen += 1
            if seen > 20:
                raise SchemaError("reference loop")
        return node

    # --- schemas ------------------------------------------------------------------------------

    def validate(self, value: Any, schema: dict, at: str = "$") -> list[str]:
        """Every way `value` fails `schema`, as readable messages; empty when it conforms."""
        errors: list[str] = []
        self._validate(value, schema, at, errors)
        return errors

    def _validate(self, value: Any, schema: Any, at: str, errors: list[str]) -> None:
        if not isinstance(schema, dict):
            raise SchemaError(f"{at}: a schema must be an object")
        if "$ref" in schema:
            # In OpenAPI 3.0 the siblings of $ref are ignored.
            self._validate(value, self.resolve(schema["$ref"]), at, errors)
            return
        unknown = set(schema) - _CHECKED - _ANNOTATIONS
        unknown = {k for k in unknown if not k.startswith("x-")}
        if unknown:
            raise SchemaError(f"{at}: unsupported schema keywords {sorted(unknown)}")

        if value is None:
            if schema.get("nullable") is True:
                return
            if not self._accepts_null_without_type(schema):
                errors.append(f"{at}: null is not allowed")
                return

        for part in schema.get("allOf", []):
            self._validate(value, part, at, errors)
        if "oneOf" in schema:
            matching = [p for p in schema["oneOf"] if not self.validate(value, p, at)]
            if len(matching) != 1:
                errors.append(f"{at}: matches {len(matching)} of the oneOf schemas, not exactly 1")
        if "anyOf" in schema:
            if not any(not self.validate(value, p, at) for p in schema["anyOf"]):
                errors.append(f"{at}: matches none of the anyOf schemas")

        if "enum" in schema and not any(_same(value, e) for e in schema["enum"]):
            errors.append(f"{at}: {_describe(value)} is not one of {schema['enum']}")

        kind = schema.get("type")
        if kind is None:
            # Without a type, keywords still apply to the values they are about (JSON Schema).
            kind = _json_type(value)
            if kind is None:
                return
            if kind == "integer":
                kind = "number"
        checker = getattr(self, "_check_" + kind, None)
        if checker is None:
            raise SchemaError(f"{at}: unknown type {kind}")
        checker(value, schema, at, errors)

    @staticmethod
    def _accepts_null_without_type(schema: dict) -> bool:
        # A schema with no type and no composition (e.g. {} or {"description": ...}) accepts null.
        return not ({"type", "allOf", "oneOf", "anyOf", "enum"} & set(schema))

    def _check_object(self, value: Any, schema: dict, at: str, errors: list[str]) -> None:
        if not isinstance(value, dict):
            errors.append(f"{at}: expected an object, got {_describe(value)}")
            return
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                errors.append(f"{at}: missing required property '{name}'")
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            if name in properties:
                self._validate(item, properties[name], f"{at}.{name}", errors)
            elif extra is False:
                errors.append(f"{at}: undocumented property '{name}' = {_describe(item)}")
            elif isinstance(extra, dict):
                self._validate(item, extra, f"{at}.{name}", errors)

    def _check_array(self, value: Any, schema: dict, at: str, errors: list[str]) -> None:
        if not isinstance(value, list):
            errors.append(f"{at}: expected an array, got {_describe(value)}")
            return
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append(f"{at}: fewer than {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{at}: more than {schema['maxItems']} items")
        if "items" in schema:
            for i, item in enumerate(value):
                self._validate(item, schema["items"], f"{at}[{i}]", errors)

    def _check_string(self, value: Any, schema: dict, at: str, errors: list[str]) -> None:
        if not isinstance(value, str):
            errors.append(f"{at}: expected a string, got {_describe(value)}")
            return
        if "minLength" in schema and len(value) < schema["minLength"]:
            errors.append(f"{at}: shorter than {schema['minLength']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{at}: longer than {schema['maxLength']}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{at}: {_describe(value)} does not match {schema['pattern']}")
        fmt = schema.get("format")
        if fmt == "date":
            if not _DATE.match(value) or not _is_date(value):
                errors.append(f"{at}: {_describe(value)} is not a date (YYYY-MM-DD)")
        elif fmt == "date-time":
            try:
                datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                errors.append(f"{at}: {_describe(value)} is not a date-time")
        elif fmt == "byte":
            try:
                base64.b64decode(value, validate=True)
            except (binascii.Error, ValueError):
                errors.append(f"{at}: not base64")

    def _check_integer(self, value: Any, schema: dict, at: str, errors: list[str]) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            errors.append(f"{at}: expected an integer, got {_describe(value)}")
            return
        low, high = _INT_RANGES.get(schema.get("format", ""), (None, None))
        if low is not None and not low <= value <= high:
            errors.append(f"{at}: {value} is out of the {schema['format']} range")
        self._check_bounds(value, schema, at, errors)

    def _check_number(self, value: Any, schema: dict, at: str, errors: list[str]) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            errors.append(f"{at}: expected a number, got {_describe(value)}")
            return
        self._check_bounds(value, schema, at, errors)

    def _check_boolean(self, value: Any, schema: dict, at: str, errors: list[str]) -> None:
        if not isinstance(value, bool):
            errors.append(f"{at}: expected a boolean, got {_describe(value)}")

    @staticmethod
    def _check_bounds(value: float, schema: dict, at: str, errors: list[str]) -> None:
        if "minimum" in schema:
            low = schema["minimum"]
            if value < low or (schema.get("exclusiveMinimum") is True and value == low):
                errors.append(f"{at}: {value} is below the minimum {low}")
        if "maximum" in schema:
            high = schema["maximum"]
            if value > high or (schema.get("exclusiveMaximum") is True and value == high):
                errors.append(f"{at}: {value} is above the maximum {high}")

    # --- operations and responses -------------------------------------------------------------

    def operations(self) -> Iterable[tuple[str, str, dict]]:
        """(METHOD, template, operation) for every operation of the document."""
        for template, item in self.doc.get("paths", {}).items():
            for method, op in item.items():
                if method in ("get", "put", "post", "delete", "options", "head", "patch", "trace"):
                    yield method.upper(), template, op

    def find(self, method: str, path: str) -> tuple[str, dict] | None:
        """The template and operation serving `method path` (path without its query)."""
        for pattern, template in self._paths:
            if pattern.match(path):
                op = self.doc["paths"][template].get(method.lower())
                if op is not None:
                    return template, op
        return None

    def check_response(self, method: str, path: str, status: int, headers: dict[str, str],
                       body: bytes) -> list[str]:
        """Every way a real response departs from what the document declares for it.

        `headers` must have lower-case names. Returns readable messages; empty when it conforms.
        """
        path = path.split("?", 1)[0]
        found = self.find(method, path)
        where = f"{method} {path} -> {status}"
        if found is None:
            return [f"{where}: no operation in the document"]
        template, op = found
        responses = op.get("responses", {})
        declared = (responses.get(str(status)) or responses.get(f"{status // 100}XX")
                    or responses.get("default"))
        if declared is None:
            return [f"{where}: status {status} is not declared for {method} {template} "
                    f"(declared: {sorted(responses)})"]
        response = self.deref(declared)
        errors: list[str] = []

        for name, header in response.get("headers", {}).items():
            header = self.deref(header)
            value = headers.get(name.lower())
            if value is None:
                if header.get("required"):
                    errors.append(f"{where}: missing header {name}")
                continue
            if "schema" in header:
                errors += self.validate(value, header["schema"], f"{where} header {name}")

        content = response.get("content")
        media = headers.get("content-type", "").split(";")[0].strip().lower()
        if not content:
            if body:
                errors.append(f"{where}: a body where the document declares none")
            return errors
        schema_holder = content.get(media) or _wildcard(content, media)
        if schema_holder is None:
            errors.append(f"{where}: content type '{media}' is not declared ({sorted(content)})")
            return errors
        if media == "application/json" or media.endswith("+json"):
            try:
                value = json.loads(body)
            except ValueError:
                errors.append(f"{where}: the body is not JSON: {body[:100]!r}")
                return errors
            if "schema" in schema_holder:
                errors += self.validate(value, schema_holder["schema"], f"{where} $")
        return errors


def _json_type(value: Any) -> str | None:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return None


def _wildcard(content: dict, media: str) -> dict | None:
    major = media.split("/")[0]
    return content.get(major + "/*") or content.get("*/*")


def _same(a: Any, b: Any) -> bool:
    # JSON equality: true is not 1, 1 is 1.0.
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    return a == b


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
        return True
    except ValueError:
        return False
