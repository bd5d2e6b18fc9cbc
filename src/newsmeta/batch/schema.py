"""Table layouts derived from the :class:`~newsmeta.model.Article` model: a Parquet (Arrow) schema and the
flattened CSV columns. Both follow the model, so a new field in the model is a new column here.

Dates and times are ISO 8601 text, exactly as in the JSON output: that keeps a UTC offset as found, or
its absence (a naive time is not silently taken for UTC), and the ``date | datetime`` capture time.
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..model import Article

LIST_SEPARATOR = " | "


class SourceFields(BaseModel):
    """The ``source`` object of every output record: where the record was read."""

    path: str | None = None
    kind: str | None = None
    offset: int | None = None
    record_id: str | None = None
    line: int | None = None


class ErrorFields(BaseModel):
    """The ``error`` object of an error entry."""

    kind: str | None = None
    message: str | None = None

Getter = Callable[[dict[str, Any]], str]


def _optional_inner(annotation: Any) -> Any:
    """``X | None`` -> ``X``; a union of several types -> ``str`` (kept as text); anything else unchanged."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else str
    if get_origin(annotation) is Literal:
        return type(get_args(annotation)[0])
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _fields(spec: type[BaseModel] | dict[str, Any]) -> dict[str, Any]:
    if isinstance(spec, dict):
        return spec
    return {name: f.annotation for name, f in spec.model_fields.items()}


# --- Arrow / Parquet ---------------------------------------------------------------------------------

def arrow_type(annotation: Any) -> Any:
    """The Arrow type for a model annotation."""
    import pyarrow as pa

    annotation = _optional_inner(annotation)
    origin = get_origin(annotation)
    if origin is list:
        return pa.list_(arrow_type(get_args(annotation)[0]))
    if origin is dict:
        return pa.map_(pa.string(), arrow_type(get_args(annotation)[1]))
    if _is_model(annotation):
        return _struct(annotation)
    if annotation is bool:
        return pa.bool_()
    if annotation is int:
        return pa.int64()
    if annotation is float:
        return pa.float64()
    return pa.string()  # str, dates and times (ISO 8601), anything else as its JSON text


def _struct(spec: type[BaseModel]) -> Any:
    import pyarrow as pa

    return pa.struct([pa.field(name, arrow_type(ann)) for name, ann in _fields(spec).items()])


def arrow_schema(model: type[BaseModel] = Article) -> Any:
    """The Arrow schema of the output records: ``id``, ``source``, the model's fields, and ``error``."""
    import pyarrow as pa

    fields = [pa.field("id", pa.string(), nullable=False), pa.field("source", _struct(SourceFields))]
    fields += [pa.field(name, arrow_type(ann)) for name, ann in _fields(model).items()]
    fields.append(pa.field("error", _struct(ErrorFields)))
    return pa.schema(fields, metadata={"newsmeta.model": model.__name__})


def arrow_row(record: dict[str, Any], text_fields: frozenset[str]) -> dict[str, Any]:
    """A JSON output record made fit for :func:`arrow_schema`: values of ``text_fields`` (the top-level
    fields whose Arrow type is text) that JSON gave as numbers, lists or objects become their JSON text."""
    for name in text_fields:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            record[name] = json.dumps(value, ensure_ascii=False)
    return record


def text_fields(model: type[BaseModel] = Article) -> frozenset[str]:
    """The model's top-level fields stored as text in Arrow."""
    import pyarrow as pa

    return frozenset(n for n, ann in _fields(model).items() if arrow_type(ann) == pa.string())


# --- CSV ---------------------------------------------------------------------------------------------

def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _joined(values: list[Any]) -> str:
    return LIST_SEPARATOR.join(_text(v) for v in values)


def _columns(spec: type[BaseModel] | dict[str, Any], prefix: str,
             get: Callable[[dict[str, Any]], Any], many: bool) -> list[tuple[str, Getter]]:
    """Columns for a model's fields; ``many``: the model is a list item, so each column joins the items."""
    columns: list[tuple[str, Getter]] = []
    for name, ann in _fields(spec).items():
        inner = _optional_inner(ann)
        key = prefix + name

        def value_of(obj: dict[str, Any], name: str = name, get: Callable[..., Any] = get) -> Any:
            parent = get(obj)
            if many:
                return [item.get(name) if isinstance(item, dict) else None for item in parent or []]
            return parent.get(name) if isinstance(parent, dict) else None

        def joined(obj: dict[str, Any], value_of: Callable[..., Any] = value_of) -> str:
            return _joined(value_of(obj) or [])

        def text(obj: dict[str, Any], value_of: Callable[..., Any] = value_of) -> str:
            return _text(value_of(obj))

        if _is_model(inner) and not many:
            columns += _columns(inner, key + ".", value_of, many=False)
        elif get_origin(inner) is list and _is_model(get_args(inner)[0]) and not many:
            columns += _columns(get_args(inner)[0], key + ".", value_of, many=True)
        elif get_origin(inner) is list or many:
            columns.append((key, joined))
        else:
            columns.append((key, text))
    return columns


def csv_columns(model: type[BaseModel] = Article) -> list[tuple[str, Getter]]:
    """Flattened columns (name, getter): nested objects as ``a.b``, lists joined with ``" | "``,
    lists of objects as one joined column per sub-field (``authors.name``), mappings as JSON text."""
    def root(obj: dict[str, Any]) -> dict[str, Any]:
        return obj

    columns: list[tuple[str, Getter]] = [("id", lambda obj: _text(obj.get("id")))]
    columns += _columns({"source": SourceFields}, "", root, many=False)
    columns += _columns(model, "", root, many=False)
    columns += _columns({"error": ErrorFields}, "", root, many=False)
    return columns
