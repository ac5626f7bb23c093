"""The schema documents itself: schema.graphql is current, and everything has a description."""

from pathlib import Path

from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType

from schema import build_schema

SDL = Path(__file__).parents[2] / "schema.graphql"


def test_schema_graphql_is_up_to_date() -> None:
    assert SDL.read_text() == build_schema().as_str() + "\n", "run `make schema` and commit schema.graphql"


def test_every_type_field_and_argument_has_a_description() -> None:
    missing = []
    for name, type_ in build_schema()._schema.type_map.items():
        if name.startswith("__") or not isinstance(
            type_, GraphQLObjectType | GraphQLInputObjectType | GraphQLInterfaceType | GraphQLEnumType
        ):
            continue
        if not type_.description:
            missing.append(name)
        if isinstance(type_, GraphQLEnumType):
            continue
        for field_name, field in type_.fields.items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
            for arg_name, arg in getattr(field, "args", {}).items():
                if not arg.description:
                    missing.append(f"{name}.{field_name}({arg_name})")
    assert missing == []
