from __future__ import annotations

import textwrap
from typing import Any

import pytest

from specs.errors import MalformedSource
from specs.importers import LayoutDamaged, OpenAPIDocument, detect
from specs.importers.layout import importer as layout_importer
from specs.importers.layout.evidence import (
    ALIKE_NAME,
    DEAD_BRANCH,
    EXTENSION_IN_DATA,
    KEYWORD_MISFIT,
    LONG_TEXT,
    MISSING_FIELD,
    MISSING_PROPERTY,
    REQUIRED_FOUND,
    TITLE_NAMED,
    UNLIKE_NAME,
    VALUE_MISFIT,
    closing_cost,
    placement_cost,
    ref_sibling_cost,
    required_names,
    schema_names,
    self_reference,
    settled_cost,
)
from specs.importers.layout.frames import Frame
from specs.importers.layout.habits import UNSORTED, Habits
from specs.importers.layout.importer import RELAPSE, _moved
from specs.importers.layout.placing import CANDIDATES, Placing
from specs.importers.layout.shapes import ANY, DOCUMENT
from specs.importers.layout.state import AFTER, Reading, State
from specs.importers.layout.tokens import tokenize
from specs.yamlio import load_yaml

importer = LayoutDamaged()
SCHEMA = DOCUMENT.child("components")[0].child("schemas")[0].item

HEAD = "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n"
DAMAGES = ["lines", "collapsed"]


def damage(text: str, how: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(lines) if how == "lines" else " ".join(line for line in lines if line)


def doc(body: str) -> str:
    return HEAD + textwrap.dedent(body)


def read(text: str) -> dict[str, Any]:
    return importer.read(text, "test").document


def roundtrip(body: str, how: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the document as written, the document read back from its damaged text)."""
    original = load_yaml(doc(body))
    return original, read(damage(doc(body), how))


SCHEMAS = """\
components:
  schemas:
"""


@pytest.mark.parametrize("how", DAMAGES)
def test_sniffs_damaged_yaml_only(how):
    text = damage(doc(SCHEMAS + "    A:\n      type: object\n"), how)
    assert importer.sniff(text)
    assert isinstance(detect(text), LayoutDamaged)


@pytest.mark.parametrize(
    "text",
    [
        doc(SCHEMAS + "    A:\n      type: object\n"),
        '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}',
        "{openapi: 3.1.0, info: {title: t, version: '1'}, paths: {}}",
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n",
        "# Title\n\nSome markdown: with a colon\n",
    ],
)
def test_leaves_undamaged_text_to_the_other_importers(text):
    assert not importer.sniff(text)
    assert not isinstance(detect(text), LayoutDamaged)
    assert detect(doc(SCHEMAS + "    A:\n      type: object\n")).__class__ is OpenAPIDocument


@pytest.mark.parametrize("how", DAMAGES)
def test_plain_scalars_continue_over_lines(how):
    body = """\
    paths:
      /a:
        get:
          description: A long description that the emitter
            folded over several lines, with punctuation, commas,
            and a dash - inside.
          responses:
            '200':
              description: OK
    """
    original, got = roundtrip(body, how)
    assert got == original


@pytest.mark.parametrize("how", DAMAGES)
def test_block_scalar_keeps_blank_lines_and_lines_that_look_like_keys(how):
    body = """\
    paths:
      /a:
        get:
          description: |
            Usage:

            note: this line looks like a key
            - and this like an item
          responses:
            '200':
              description: OK
    """
    original, got = roundtrip(body, how)
    description = got["paths"]["/a"]["get"].pop("description")
    expected = original["paths"]["/a"]["get"].pop("description")
    assert got == original
    if how == "lines":
        assert description == expected
    else:
        assert description.split() == expected.split()


def test_a_long_block_scalar_of_prose_keeps_its_lists_and_headings_but_no_records():
    body = """\
    components:
      schemas:
        Request:
          type: object
          properties:
            modality:
              type: string
              description: |-
                The modality of the control image.

                For models of the SD1.5 family:
                - up to 3 modalities from `canny`, `pose`, `depth`
                - or one of the following presets: `character`, `landscape`.

                For models of the SDXL family:
                - up to 3 modalities from `canny`, `pose`, `depth`
                - or one of the following presets: `character`.

                For models of the FLUX family:
                - one modality from: `canny`, `tile`, `depth`
                - or one preset: `character`.

                Examples:
                - `canny`
                - `depth:0.5,pose:1.0`
                - `landscape`
                - `character:0.5`

                Note: a value the model family does not support is an error.
              enum:
              - canny
              - pose
    paths:
      /a:
        get:
          x-readme:
            code-samples:
            - name: A custom snippet
              language: curl
              code: |-
                # This snippet has no name

                curl -X POST https://api.example.com/v2/alert
            - name: Another custom snippet
              language: curl
              code: curl -X POST https://api.example.com/v2/alert
              install: brew install curl
              correspondingExample: TestExample
            - name: Yet another custom snippet
              language: python
              code: import requests
              install: pip install requests
              correspondingExample: TestExample
            samples-languages:
            - shell
            - python
          responses:
            '200':
              description: OK
    """
    original, got = roundtrip(body, "lines")
    assert got == original


@pytest.mark.parametrize("how", DAMAGES)
def test_double_quoted_line_continuations_and_escaped_spaces(how):
    body = r"""
    paths:
      /a:
        get:
          description: "Generate text.\rIMPORTANT: We are deprecating\
            \ Kayra for users.\n\
            \ Read more."
          responses:
            '200':
              description: OK
    """
    original, got = roundtrip(body, how)
    assert got == original
    assert got["paths"]["/a"]["get"]["description"].endswith(
        "deprecating Kayra for users.\n Read more."
    )


@pytest.mark.parametrize("how", DAMAGES)
def test_type_lists_nested_list_examples_and_inline_schema_lists(how):
    body = """\
    components:
      schemas:
        Grid:
          type:
          - object
          - 'null'
          properties:
            cells:
              type: array
              items:
                type: array
                items:
                  type: integer
              example:
              - - 1
                - 2
              - - 3
                - 4
            label:
              anyOf:
              - type: string
                maxLength: 3
              - type: integer
                minimum: 0
              - type: 'null'
    """
    original, got = roundtrip(body, how)
    assert got == original
    assert got["components"]["schemas"]["Grid"]["properties"]["cells"]["example"] == [
        [1, 2],
        [3, 4],
    ]


# Keys after a nested schema that could close it or not: a `description` after `required`,
# an example that is not one of an inner `enum`'s values, example data of a composed schema.
AFTER_NESTED = [
    """\
    components:
      schemas:
        Pet:
          type: object
          properties:
            name:
              type: string
              description: The name.
            tag:
              type: string
              description: A tag.
          required:
          - name
          description: A pet.
    """,
    """\
    components:
      schemas:
        Kind:
          anyOf:
          - type: string
            enum:
            - image
            - text
          - type: string
            enum:
            - all
          example: text
    """,
    """\
    components:
      schemas:
        Model:
          type: object
          properties:
            pricing:
              anyOf:
              - type: object
                properties:
                  input:
                    type: object
                    properties:
                      usd:
                        type: number
                      vcu:
                        type: number
          example:
            pricing:
              input:
                usd: 1
                vcu: 2
    """,
    """\
    paths:
      /pets:
        get:
          parameters:
          - name: limit
            in: query
            schema:
              type: integer
              minimum: 1
            description: How many.
          responses:
            '200':
              description: OK
    """,
    """\
    components:
      schemas:
        UserResponse:
          example:
            user:
              email: a@example.com
              name: A
    """,
    """\
    paths:
      /users:
        get:
          responses:
            '200':
              description: OK
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      id:
                        type: integer
                        format: int64
                  example:
                    id: 1
    """,
    """\
    paths:
      /trips:
        get:
          responses:
            '200':
              description: OK
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      data:
                        type: array
                        items:
                          type: string
                      links:
                        allOf:
                        - $ref: '#/components/schemas/Self'
                  example:
                    data:
                    - a
                    links:
                      self: /trips
    components:
      schemas:
        Self:
          type: object
          properties:
            self:
              type: string
    """,
    """\
    paths:
      /pets:
        post:
          responses:
            '200':
              description: OK
          summary: Create a pet
        summary: Pets
    """,
    """\
    paths:
      /report:
        get:
          responses:
            default:
              description: OK
              content:
                application/json:
                  examples:
                    saved:
                      value:
                        $ref: '#/components/examples/Saved'
                text/csv, text/plain:
                  examples:
                    rows:
                      value: a,b
    """,
    """\
    components:
      schemas:
        Page:
          type: object
          properties:
            next:
              type: object
              properties:
                pages:
                  type: array
                  items:
                    anyOf:
                    - type: object
                      properties:
                        slug:
                          type: string
                      additionalProperties: false
              additionalProperties: false
            title:
              type: string
          additionalProperties: false
    """,
    """\
    components:
      schemas:
        Project:
          type: object
          properties:
            glossary:
              type: array
              items:
                type: object
                properties:
                  term:
                    type: string
              default: []
    """,
    """\
    components:
      schemas:
        Shapes:
          type: object
          properties:
            'object with a nested object':
              type: object
              properties:
                code:
                  type: integer
                text:
                  type: string
            'object with a custom title':
              type: object
    """,
    """\
    paths:
      /alerts:
        post:
          responses:
            '404':
              description: Not found
              content:
                application/json:
                  examples:
                    missing:
                      summary: Nothing there
                      value:
                        error: not found
          x-samples:
          - lang: curl
    """,
    """\
    components:
      requestBodies:
        Users:
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/User'
          description: A list of users.
      schemas:
        User:
          type: object
          properties:
            name:
              type: string
          xml:
            name: User
    """,
    """\
    components:
      schemas:
        Problem:
          type: object
          properties:
            type:
              type: string
          xml:
            name: problem
            namespace: urn:ietf:rfc:7807
    """,
    """\
    components:
      schemas:
        Thing:
          type: object
          properties:
            plain:
              type: object
            object with extras within an allOf:
              allOf:
              - type: object
    """,
    """\
    components:
      schemas:
        Status:
          type: string
        Pet:
          type: object
          properties:
            first:
              description: The first.
              allOf:
              - $ref: '#/components/schemas/Status'
                title: option 1
              - $ref: '#/components/schemas/Status'
                title: option 2
            second:
              description: The second.
              oneOf:
              - $ref: '#/components/schemas/Status'
                title: option 1
              - $ref: '#/components/schemas/Status'
                title: option 2
            third:
              description: The third.
              anyOf:
              - $ref: '#/components/schemas/Status'
                title: option 1
              - $ref: '#/components/schemas/Status'
                title: option 2
    """,
    """\
    components:
      schemas:
        Page:
          properties:
            pages:
              items:
                anyOf:
                - properties:
                    slug:
                      type: string
                  type: object
                - properties:
                    url:
                      type: string
                  type: object
              type: array
          type: object
    """,
    """\
    components:
      schemas:
        Pet:
          type: object
          properties:
            kind:
              type: string
              enum:
              - cat
              - dog
          discriminator:
            propertyName: kind
          oneOf:
          - $ref: '#/components/schemas/Cat'
          - $ref: '#/components/schemas/Dog'
        Cat:
          type: object
        Dog:
          type: object
    """,
    """\
    components:
      schemas:
        Thing:
          type: object
          properties:
            description (markdown):
              type: string
            default:
              type: string
              default: default value
            default (null):
              type: string
              default: null
            title:
              type: string
    """,
    """\
    components:
      schemas:
        Order:
          type: object
          properties:
            item:
              type: object
              properties:
                sku:
                  type: string
                quantity:
                  type: integer
            _links:
              type: object
    """,
    """\
    components:
      schemas:
        Pet:
          type: object
          properties:
            status:
              type: string
              enum:
              - available
              - pending
              - sold
            status (with default):
              type: string
              enum:
              - available
              - pending
              default: available
            status (nullable):
              type: string
    """,
    # Properties after a nested object's last one: the `required` list that follows
    # names them, too late for the beam to have kept the reading that closed it early.
    SCHEMAS
    + """\
    Models:
      type: object
      properties:
        hits:
          type: array
          items:
            type: object
            properties:
              authorId:
                type: string
              compliance:
                type: object
                properties:
                  provider:
                    type: string
                  terms:
                    type: string
                  maintainer:
                    type: string
              teamId:
                type: string
              name:
                type: string
              id:
                type: string
              updatedAt:
                type: string
            required:
            - authorId
            - id
            - name
            - teamId
            - updatedAt
        page:
          type: number
    """,
    """\
    components:
      schemas:
        Expression:
          type: object
          properties:
            value:
              oneOf:
              - type: string
              - type: number
          title: Expression
    """,
    """\
    components:
      schemas:
        Event:
          properties:
            config:
              oneOf:
              - type: string
              - type: integer
          type: object
    """,
    """\
    components:
      schemas:
        Strings:
          type: object
          properties:
            label:
              type: string
              default: no label
            label (null):
              type: string
              default: null
            enum (with default):
              type: string
              enum:
              - available
              - sold
              default: available
            enum (with default and required):
              type: string
    """,
    """\
    components:
      schemas:
        Strings:
          type: object
          properties:
            enum (with empty option):
              type: string
              enum:
              - ''
              - available
              - sold
            enum (with empty option and empty default):
              type: string
              enum:
              - ''
              default: ''
    """,
    """\
    components:
      schemas:
        Arrays:
          type: object
          properties:
            array<string>:
              type: array
              items:
                type: string
            array<string> (with overall `null` default):
              type: array
              items:
                type: string
    """,
    """\
    components:
      schemas:
        Mixed:
          type: object
          properties:
            string and number:
              type:
              - string
              - number
              description: This can be either a `string` or a `number`.
            string and boolean:
              type:
              - string
              - boolean
              description: This can be either a `string` or a `boolean`.
            string and null:
              type:
              - string
              - 'null'
              description: This can be either a `string` or `null`.
    """,
    r"""
    components:
      schemas:
        Input:
          type: object
          properties:
            name:
              type: string
            required:
              type: object
              description: When it is required, \`always\` or \`ifDefined\` another input is.
              properties:
                always:
                  type: boolean
                ifDefined:
                  type: object
            modelTypes:
              type: array
              items:
                type: string
    """,
    """\
    components:
      schemas:
        Pet:
          oneOf:
          - $ref: '#/components/schemas/Cat'
          - $ref: '#/components/schemas/Dog'
          discriminator:
            propertyName: kind
            mapping:
              House Cat: Cat
              Farm Dog: Dog
        Cat:
          type: object
        Dog:
          type: object
    """,
    """\
    components:
      schemas:
        OptionOne:
          type: object
          required:
          - kind
          properties:
            kind:
              type: string
            amount:
              type: number
        OptionTwo:
          type: object
        Pet:
          type: object
        Dog:
          type: object
        object1:
          type: object
        Any:
          anyOf:
          - $ref: '#/components/schemas/OptionOne'
          - $ref: '#/components/schemas/OptionTwo'
          - $ref: '#/components/schemas/Pet'
          - $ref: '#/components/schemas/Dog'
          - $ref: '#/components/schemas/object1'
    """,
    """\
    paths:
      /apis:
        get:
          responses:
            '200':
              description: OK
              content:
                application/json:
                  example:
                    apis:
                    - key: a
                      url: https://a.example
                    - key: b
                      url: https://b.example
                    total: 2
                    samples:
                    - code: a
                      language: curl
                    - code: b
                      install: brew
                      language: curl
                      name: Custom
    """,
    """\
    components:
      schemas:
        Selector:
          type: object
          required:
          - Kind
          properties:
            Kind:
              allOf:
              - $ref: '#/components/schemas/Kind'
              - description: Where to start.
            Token:
              allOf:
              - $ref: '#/components/schemas/Token'
              - description: Where the last page ended.
          description: Picks the first chunk.
        Kind:
          type: string
        Token:
          type: string
    """,
    """\
    paths:
      /payments:
        post:
          responses:
            '200':
              description: OK
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Payment'
                  examples:
                    Card:
                      summary: A card payment
                      value:
                        amount: 49.99
                        source:
                          object: card
                          name: J. Doe
                        status: succeeded
    components:
      schemas:
        Payment:
          type: object
          properties:
            amount:
              type: number
            status:
              type: string
            source:
              type: object
              properties:
                object:
                  type: string
                name:
                  type: string
    """,
    """\
    paths:
      /servers/{name}:
        get:
          responses:
            '200':
              description: OK
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Server'
                  examples:
                    Get a server:
                      $ref: '#/components/examples/GetServer'
    components:
      examples:
        GetServer:
          value:
            id: /servers/one
            name: one
            properties:
              state: Ready
              version: '8.0'
            type: Microsoft.DB/servers
      schemas:
        Resource:
          type: object
          properties:
            id:
              type: string
            name:
              type: string
            type:
              type: string
        Server:
          allOf:
          - $ref: '#/components/schemas/Resource'
          - type: object
            properties:
              properties:
                type: object
                properties:
                  state:
                    type: string
                  version:
                    type: string
    """,
    """\
    paths:
      /items:
        get:
          parameters:
          - name: api-version
            in: query
            required: true
            schema:
              type: string
            x-ms-parameter-location: client
          responses:
            '200':
              description: OK
    """,
    """\
    paths:
      /policies:
        get:
          responses:
            '200':
              description: OK
              content:
                application/json:
                  examples:
                    List the blob auditing policies of a server.:
                      $ref: '#/components/examples/List'
                    Create or update a database's blob auditing policy with all parameters:
                      value: all
    components:
      examples:
        List:
          value: list
    """,
    """\
    components:
      schemas:
        Reply:
          example:
            segments:
            - departure:
                at: noon
                iataCode: AMS
              id: '42'
              number: '1705'
          properties:
            segments:
              type: array
              items:
                $ref: '#/components/schemas/Segment'
          type: object
        Segment:
          type: object
          properties:
            departure:
              $ref: '#/components/schemas/EndPoint'
            id:
              type: string
            number:
              type: string
        EndPoint:
          type: object
          properties:
            at:
              type: string
            iataCode:
              type: string
    """,
    """\
    components:
      schemas:
        Item:
          type: object
        Page:
          properties:
            first:
              $ref: '#/components/schemas/Item'
              type: object
            last:
              $ref: '#/components/schemas/Item'
              type: object
            next:
              $ref: '#/components/schemas/Item'
              type: object
            entries:
              items:
                $ref: '#/components/schemas/Item'
              type: array
          type: object
    """,
    """\
    paths:
      /account:
        get:
          responses:
            '200':
              description: OK
          x-appwrite:
            auth:
              Key: []
              Project: []
            cookies: false
            method: get
            rate-key: url
            scope: account
    """,
    """\
    paths:
      /rules:
        get:
          responses:
            '200':
              description: OK
              content:
                application/json:
                  examples:
                    Create or Update rule - AlertingAction:
                      $ref: '#/components/examples/Alerting'
                    Create or Update rule - LogToMetricAction:
                      $ref: '#/components/examples/LogToMetric'
    components:
      examples:
        Alerting:
          value: a
        LogToMetric:
          value: b
    """,
    """\
    paths:
      /faxes:
        servers:
        - url: https://fax.example.com
        x-twilio:
          pathType: list
        get:
          security:
          - accountSid_authToken: []
          x-maturity:
          - Beta
          responses:
            '200':
              description: OK
    components:
      securitySchemes:
        accountSid_authToken:
          type: http
          scheme: basic
        """,
    """\
    paths:
      /a:
        servers:
        - url: https://a.example.com
        x-twilio:
          pathType: list
      /b:
        servers:
        - url: https://b.example.com
        x-twilio:
          pathType: list
      /c:
        servers:
        - url: https://c.example.com
        x-twilio:
          pathType: instance
      /d:
        servers:
        - url: https://d.example.com
        x-twilio:
          pathType: instance
        """,
    """\
    paths:
      /systems:
        get:
          responses:
            '200':
              description: OK
              content:
                application/json:
                  example:
                  - id: 1
                    validator:
                      mask: '9999'
                      regex: '[0-9]+'
                    name: Visa
                  schema:
                    type: array
                    items:
                      $ref: '#/components/schemas/System'
    components:
      schemas:
        System:
          type: object
          properties:
            id:
              type: integer
            name:
              type: string
            validator:
              type: object
              properties:
                mask:
                  type: string
                regex:
                  type: string
        """,
    """\
    components:
      schemas:
        Top:
          type: object
        Report:
          oneOf:
          - allOf:
            - $ref: '#/components/schemas/Top'
            - description: Outbound
              properties:
                direction:
                  type: string
          - allOf:
            - $ref: '#/components/schemas/Top'
            - description: Inbound
              properties:
                direction:
                  type: string
        """,
    """\
    components:
      schemas:
        Problem:
          oneOf:
          - description: Invalid parameters
            properties:
              title:
                type: string
          - description: Invalid filter
            properties:
              detail:
                type: string
        """,
]


@pytest.mark.parametrize("how", DAMAGES)
@pytest.mark.parametrize(
    "body",
    AFTER_NESTED,
    ids=[
        "description",
        "example-outside-enum",
        "example-of-branches",
        "parameter-description",
        "nested-example-data",
        "media-type-example",
        "example-of-referenced-schemas",
        "summary-after-responses",
        "ref-in-example-data",
        "closed-empty-schema",
        "flow-default",
        "names-written-alike",
        "extension-on-the-operation",
        "request-body-description-and-xml-name",
        "xml-name-of-its-component-in-lower-case",
        "five-word-name-after-a-type",
        "titles-beside-refs-as-a-habit",
        "type-of-the-array-around-object-branches",
        "discriminator-of-an-object",
        "names-shaped-alike",
        "name-beginning-with-a-sign",
        "spaced-names-after-enum-values",
        "properties-a-later-required-names",
        "title-that-names-its-schema",
        "type-of-the-schema-with-properties",
        "long-spaced-names-after-values",
        "six-word-name-after-a-list-item",
        "spaced-name-with-a-backquoted-word",
        "spaced-names-after-sentences",
        "property-after-those-a-description-names",
        "spaced-names-in-a-discriminator-mapping",
        "lower-case-property-after-the-first-capitalized-component",
        "key-after-records-alike",
        "description-beside-described-ref-wrappers",
        "named-example-data-read-against-its-schema",
        "shared-example-read-against-the-schema-of-its-carrier",
        "extension-after-a-parameter-s-schema",
        "long-example-names-where-no-text-goes",
        "example-written-before-the-properties-it-names",
        "type-of-an-array-after-items-beside-typed-refs",
        "hyphenated-names-among-plain-ones-in-data",
        "example-names-holding-a-dash",
        "extensions-after-a-server-and-a-security-requirement",
        "an-extension-the-document-writes-on-path-items",
        "media-type-example-written-before-its-schema",
        "one-of-branches-each-an-all-of",
        "one-of-branches-with-properties-after-a-description",
    ],
)
def test_keys_after_nested_schemas_go_where_they_fit(how, body):
    original, got = roundtrip(body, how)
    assert got == original


def test_an_instance_has_the_properties_its_schema_inherits_besides_its_own():
    resource = {"properties": {"id": {}, "name": {}}}
    server = {"properties": {"state": {}}, "allOf": [{"$ref": "#/components/schemas/Resource"}]}
    assert schema_names(server, {"#/components/schemas/Resource": resource}.get) == {
        "state",
        "id",
        "name",
    }


@pytest.mark.parametrize(
    ("ref", "path", "itself"),
    [
        ("#/components/schemas/Token", "/components/schemas/Token", True),
        ("#/components/schemas/Token", "/components/schemas/Token/allOf/0", True),
        ("#/components/schemas/Token", "/components/schemas/Token/oneOf/1/anyOf/0", True),
        ("#/components/schemas/Token", "/components/schemas/Token/properties/next", False),
        ("#/components/schemas/Token", "/components/schemas/TokenList/allOf/0", False),
        ("other.yaml#/components/schemas/Token", "/components/schemas/Token", False),
    ],
)
def test_a_schema_is_not_composed_of_itself(ref, path, itself):
    """`Token: {allOf: [{$ref: Token}]}` is a property named like its component, read as
    the component (a recursive property, `properties/next`, is fine)."""
    assert self_reference(path, ref) is itself


SORTED_DEEP = """\
components:
  schemas:
    Response:
      properties:
        job:
          properties:
            metadata:
              properties:
                flow:
                  items:
                    properties:
                      logic:
                        properties:
                          cases: {}
                          default: {}
                          transform: {}
                        type: object
                      workflowId: {}
                    type: object
                  type: array
              type: object
            updatedAt: {}
      required:
      - job
info:
  title: t
  version: '1'
openapi: 3.0.0
paths: {}
"""


SORTED_BUT_THE_ROOT = textwrap.dedent(
    """\
    openapi: 3.0.0
    servers:
    - url: https://api.example.com
    info:
      description: The SMS API.
      title: SMS API
      version: 1.0.0
      x-serviceName: sms
    externalDocs:
      description: Developer docs
      url: https://developers.example.com
    paths:
      /messages:
        get:
          operationId: listMessages
          parameters:
          - in: query
            name: limit
            schema:
              maximum: 200
              minimum: 1
              type: integer
          responses:
            '200':
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Message'
              description: OK
          summary: List messages
    components:
      schemas:
        Message:
          properties:
            body:
              type: string
            from:
              type: string
            id:
              readOnly: true
              type: string
            to:
              type: string
          required:
          - body
          - to
          type: object
    """
)


@pytest.mark.parametrize("how", DAMAGES)
def test_a_sorted_document_may_keep_its_root_in_the_specification_s_order(how):
    """Every object sorted but the root (`servers` before `info`, `externalDocs` after it):
    `externalDocs` after the extension `x-serviceName: sms` is the root's, not a spaced name
    in the extension's data (`sms externalDocs:`) that keeps the root's keys sorted."""
    assert read(damage(SORTED_BUT_THE_ROOT, how)) == load_yaml(SORTED_BUT_THE_ROOT)


@pytest.mark.parametrize("how", DAMAGES)
def test_a_sorted_document_no_reading_without_habits_keeps_is_read_as_sorted(how):
    assert read(damage(SORTED_DEEP, how)) == load_yaml(SORTED_DEEP)


def test_the_innermost_place_is_tried_however_dear_beside_many_cheaper_ones():
    """Of seven open schemas that could take `nullable`, the one that fits can cost the
    most (it breaks the habit of writing `nullable` before `description`: 3.1/readme.json);
    the cap on places tried must not drop it."""
    tokens = tokenize("nullable: true", False)
    placing = Placing("nullable: true", tokens, False, Habits())
    nested = SCHEMA.child("not")[0]
    stack = tuple(schema_frame().expect("not", nested) for _ in range(CANDIDATES + 2))
    innermost = len(stack) - 1
    candidates = [(innermost, 1.4, nested)] + [(d, 0.0, nested) for d in range(innermost)]
    emitted: list[State] = []
    placing._place(State(0.0, 0, AFTER, stack, 0, None, None), candidates, emitted.append)
    assert len(emitted) == CANDIDATES
    assert len(emitted[0].stack) == len(stack)


def schema_frame(*entries: tuple[str, Any]) -> Frame:
    """A component schema's frame with these keys read, in order."""
    frame = Frame(SCHEMA, False, "/components/schemas/Thing")
    for key, value in entries:
        frame = frame.expect(key, SCHEMA.child(key)[0]).fill(value)
    return frame


PARAMETER = DOCUMENT.child("components")[0].child("parameters")[0].item
OPERATION = DOCUMENT.child("paths")[0].item.child("get")[0]


@pytest.mark.parametrize(
    ("keys", "missing"),
    [(("schema",), 0.0), (("content",), 0.0), (("x-ms-parameter-location",), MISSING_FIELD)],
)
def test_a_parameter_has_a_schema_or_content(keys, missing):
    """Without one, `schema:` after `x-ms-parameter-location: method` in collapsed text
    would cost nothing as a spaced name in the extension's data (`method schema`)."""
    frame = Frame(PARAMETER, False, "/components/parameters/Filter")
    for key, value in (("name", "filter"), ("in", "query")):
        frame = frame.expect(key, PARAMETER.child(key)[0]).fill(value)
    for key in keys:
        frame = frame.expect(key, PARAMETER.child(key)[0]).fill({})
    assert closing_cost(frame) == missing


def test_required_names_are_not_orphans_while_the_properties_are_read():
    properties = SCHEMA.child("properties")[0]
    pet = schema_frame(("required", ["name"])).expect("properties", properties)
    assert settled_cost(pet) == -REQUIRED_FOUND  # as if found, like a reading that closed them
    empty = Frame(properties, False, "/components/schemas/Thing/properties")
    assert settled_cost(pet.fill(empty)) > 0.0


def test_a_schema_requires_what_its_inline_branches_require():
    branches = [{"required": ["title", "category"]}, {"required": ["title", "slug"]}]
    frame = schema_frame(("oneOf", branches), ("required", ["id"]))
    assert required_names(frame) == {"id", "title", "category", "slug"}


@pytest.mark.parametrize(
    ("required", "cost"), [("content", -REQUIRED_FOUND), ("id", MISSING_PROPERTY)]
)
def test_a_composed_schema_requires_what_its_inline_branches_name(required, cost):
    branches = [{"type": "object", "properties": {"content": {"type": "string"}}}]
    assert settled_cost(schema_frame(("anyOf", branches), ("required", [required]))) == cost


@pytest.mark.parametrize(
    ("path", "title", "cost"),
    [
        ("/components/schemas/Expression", "Expression", -TITLE_NAMED),
        ("/components/schemas/Model/properties/created_at", "Created At", -TITLE_NAMED),
        ("/components/schemas/Model/properties/created_at", "Creation time", 0.0),
        ("/components/schemas/Model/oneOf/0", "0", 0.0),
    ],
)
def test_a_title_that_names_its_schema_is_a_bonus(path, title, cost):
    assert placement_cost(Frame(SCHEMA, False, path), "title", title) == cost


@pytest.mark.parametrize(("peek", "cost"), [("sold", VALUE_MISFIT), (LONG_TEXT, 0.0)])
def test_a_default_outside_the_enum_costs_unless_its_words_are_not_known_yet(peek, cost):
    pet = schema_frame(("enum", ["available", "pending"]))
    assert placement_cost(pet, "default", peek) == cost


@pytest.mark.parametrize(("before", "cost"), [((), KEYWORD_MISFIT), (("minLength",), 0.0)])
def test_keywords_of_one_family_that_misfit_the_type_cost_once(before, cost):
    card = schema_frame(("type", "integer"), *((keyword, 3) for keyword in before))
    assert placement_cost(card, "maxLength", 4) == cost


REF = {"$ref": "#/components/schemas/Other"}


@pytest.mark.parametrize(
    ("composed", "branches", "peek", "cost"),
    [
        ("anyOf", [{"type": "integer"}, {"type": "object"}], "array", KEYWORD_MISFIT),
        ("allOf", [{"type": "integer"}, {"type": "object"}], "integer", KEYWORD_MISFIT),
        # An integer is a number, but no object is: that branch could never match.
        ("anyOf", [{"type": "integer"}, {"type": "object"}], "number", DEAD_BRANCH),
        ("oneOf", [{"type": "string"}, REF, REF], "object", DEAD_BRANCH),
        ("oneOf", [{"type": "integer"}, REF], "number", 0.0),
    ],
)
def test_a_type_its_inline_branches_do_not_allow_costs(composed, branches, peek, cost):
    schema = schema_frame((composed, branches))
    assert placement_cost(schema, "type", peek) == cost


@pytest.mark.parametrize(("key", "cost"), [("example", VALUE_MISFIT), ("default", 0.0)])
def test_null_is_no_default_rather_than_a_value_of_the_wrong_type(key, cost):
    assert placement_cost(schema_frame(("type", "string")), key, None) == cost


@pytest.mark.parametrize(
    ("key", "extra"),
    [
        ("install", 0.0),
        ("Samples", UNLIKE_NAME),
        ("samples-languages", UNLIKE_NAME / 2),  # 7 times likelier in data than a capital
        ("x-samples", UNLIKE_NAME / 2 + EXTENSION_IN_DATA),
    ],
)
def test_data_keys_are_written_alike_and_extensions_belong_to_objects(key, extra):
    sample = Frame(ANY, False, "/x-readme/code-samples/0")
    sample = sample.expect("name", ANY).fill("curl").expect("language", ANY).fill("shell")
    assert placement_cost(sample, key, "a") == placement_cost(sample, "install", "a") + extra


@pytest.mark.parametrize(
    ("key", "cost"),
    [
        ("string and null", -ALIKE_NAME),  # word for word like `string and number`
        ("enum (with default and required)", -ALIKE_NAME),  # like `enum (with default)`
        ("string or null", -ALIKE_NAME),
        ("a nullable string", -ALIKE_NAME),
        ("string, or null", 0.0),
    ],
)
def test_spaced_names_written_like_another_in_their_map_are_a_bonus(key, cost):
    names = Frame(ANY, False, "/components/schemas/Mixed/properties/x/example")
    for name in ("string and number", "enum (with default)"):
        names = names.expect(name, ANY).fill("a")
    unlike = placement_cost(names, "nullable string", "a")
    assert placement_cost(names, key, "a") - unlike == cost


def test_a_first_reading_with_a_few_keys_out_of_order_still_shows_a_sorted_document():
    sorted_operation = {"description": "d", "operationId": "o", "responses": {}, "summary": "s"}
    document = {
        "info": {"title": "t", "version": "1"},
        "openapi": "3.1.0",
        "paths": {
            "/a": {"get": sorted_operation},
            "/b": {"get": {**sorted_operation, "operationId": "p"}},
            "/c": {"get": {"summary": "s", "responses": {}}},
        },
    }
    assert Habits.of(document).sorted_share("Operation") == 1.0  # 9 of 10 pairs in order


def test_keywords_holding_schemas_beside_a_ref_are_no_habit_however_often_read_there():
    """A first reading that put `properties` into the `- $ref` item of each `allOf` before
    it must not teach the next reading to do the same (microsoft.com's News Search API:
    168 of 690 leaves misplaced)."""
    branch = {"$ref": "#/components/schemas/A", "description": "d", "properties": {}}
    schemas = {f"B{index}": {"allOf": [dict(branch)]} for index in range(3)}
    document = {
        "info": {"title": "t", "version": "1"},
        "openapi": "3.0.0",
        "paths": {},
        "components": {"schemas": {"A": {"type": "object"}, **schemas}},
    }
    habits = Habits.of(document)
    frame = Frame(SCHEMA, False, "/s").expect("$ref", SCHEMA.child("$ref")[0]).fill("#/x")
    assert habits.cost(frame, "description") == -ref_sibling_cost("description")
    assert habits.cost(frame, "properties") == 0.0


def sorted_with(operations: dict[str, Any], parameters: dict[str, Any]) -> Habits:
    """The habits of a document sorted throughout but for `operations` and `parameters`."""
    properties = {name: {"description": "d", "type": "string"} for name in "abcd"}
    schemas = {f"S{index}": {"properties": properties, "type": "object"} for index in range(9)}
    return Habits.of(
        {
            "components": {"parameters": parameters, "schemas": schemas},
            "info": {"title": "t", "version": "1"},
            "openapi": "3.0.0",
            "paths": {f"/{verb}": {verb: operation} for verb, operation in operations.items()},
        }
    )


def test_keys_a_converter_appends_after_the_sorted_ones_keep_their_place():
    """A converter that sorts keys, then appends `schema` after a Parameter's extensions:
    `schema` there is the document's habit, where no other open object would take it in
    sorted order."""
    parameter = {"in": "query", "name": "p", "x-ms-parameter-location": "method", "schema": {}}
    habits = sorted_with({}, {f"P{index}": dict(parameter) for index in range(3)})
    frame = Frame(PARAMETER, False, "/components/parameters/Q")
    for key, value in list(parameter.items())[:-1]:
        frame = frame.expect(key, PARAMETER.child(key)[0]).fill(value)
    assert habits.cost(frame, "schema", forced=True) == 0.0
    assert habits.cost(frame, "schema") == UNSORTED


def test_a_key_a_first_reading_misplaced_before_others_shows_no_appended_key():
    """A first reading that put a request body's extension into its operation, before
    `responses`, must not teach the next reading that `responses` follows it: keys the
    operation sorts after it (`x-ms-examples`) follow `responses` (azure.com's
    Cognitive Services, sorted: 3 leaves misplaced)."""
    operation = {
        "operationId": "o",
        "x-ms-client-flatten": True,
        "responses": {},
        "summary": "s",
        "x-ms-examples": {},
    }
    habits = sorted_with({verb: dict(operation) for verb in ("get", "put", "post")}, {})
    frame = Frame(OPERATION, False, "/paths/~1a/get")
    for key, value in list(operation.items())[:2]:
        frame = frame.expect(key, OPERATION.child(key)[0]).fill(value)
    assert habits.cost(frame, "responses", forced=True) == UNSORTED


@pytest.mark.parametrize("how", DAMAGES)
def test_yaml_1_2_scalars_and_quoted_keys(how):
    body = """\
    paths:
      /a:
        get:
          parameters:
          - name: mode
            in: query
            schema:
              type: string
              enum:
              - 'on'
              - off
              default: off
          responses:
            '200':
              description: OK
            default:
              description: Error
    """
    original, got = roundtrip(body, how)
    assert got == original
    assert got["paths"]["/a"]["get"]["parameters"][0]["schema"]["enum"] == ["on", "off"]


@pytest.mark.parametrize("how", DAMAGES)
def test_close_calls_are_reported_with_their_location(how):
    body = """\
    components:
      schemas:
        A:
          type: object
          properties:
            b:
              type: string
          description: Either A's or b's.
    """
    result = importer.read(damage(doc(body), how), "test")
    codes = {f.code for f in result.findings}
    assert "layout-restored" in codes
    ambiguities = [f for f in result.findings if f.code == "layout-ambiguity"]
    assert ambiguities
    assert all(f.pointer.startswith("/components/schemas/A") for f in ambiguities)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (
            damage(doc("paths:\n  /a:\n    get:\n      responses:\n"), "lines"),
            "truncated .near .*get: responses:",
            8,
        ),
        (doc('paths:\n/a:\nget:\ndescription: "never closed\n'), "never closes", 8),
        (
            damage(doc("paths:\n  /a:\n    get:\n      bogus: 1\n      responses: {}\n"), "lines"),
            "'bogus' cannot be placed in any open object here .near .*get: bogus: 1",
            8,
        ),
        (damage(doc("x-note: only an extension\n"), "lines"), "no paths", None),
    ],
)
def test_unreadable_text_is_malformed_with_its_position(text, message, line):
    with pytest.raises(MalformedSource, match=message) as caught:
        importer.read(text, "spec.yaml")
    assert caught.value.origin == "spec.yaml"
    assert caught.value.line == line


@pytest.mark.parametrize(
    ("body", "message", "word"),
    [
        ("paths:\n  /a:\n    get:\n      responses:\n        '200':\n", "truncated", "'200':"),
        (
            "paths:\n  /a:\n    get:\n      bogus: 1\n      responses: {}\n",
            "'bogus' cannot be placed",
            "bogus:",
        ),
        (
            "paths:\n  /a:\n    get:\n      produces: [a/b]\n      responses: {}\n",
            "'produces' cannot be placed",
            "produces:",
        ),
        ("paths:\n  /a:\n    get:\n      operationId: [a, b\n", "never closes", "[a,"),
    ],
)
def test_collapsed_errors_name_the_column_and_the_text_around(body, message, word):
    text = damage(doc(body), "collapsed")
    with pytest.raises(MalformedSource, match=message) as caught:
        importer.read(text, "one-line.yaml")
    assert (caught.value.line, caught.value.column) == (1, text.index(word) + 1)
    assert "(near " in str(caught.value)
    assert text[: text.index(word)][-30:] in str(caught.value)


def test_a_reading_moved_is_the_share_of_its_leaves_not_where_the_first_had_them():
    """What decides whether a third reading learns from the second (`RELEARN`)."""
    first = {"a": {"b": 1, "c": [1, 2]}, "d": {}}
    second = {"a": {"b": 1, "c": [1]}, "d": {}, "e": {"f": 2}}
    assert _moved(first, first) == 0.0
    assert _moved(first, second) == 1 / 4  # a/b, a/c/0 and d stay; e/f is new
    assert _moved(second, first) == 1 / 4  # a/c/1 is new


@pytest.mark.parametrize(("dearer", "kept"), [(RELAPSE / 2, "third"), (RELAPSE * 2, "second")])
def test_a_third_reading_that_costs_far_more_than_the_second_is_not_kept(monkeypatch, dearer, kept):
    """Habits that misfit the text (a schema read wrong, which its examples must then
    follow) make the reading that learns them dear: over `RELAPSE` a token more."""
    tokens = tokenize("openapi: 3.0.0\npaths: {}\n", False)
    readings = {
        "first": Reading({"a": 1}, 0.0, []),
        "second": Reading({"b": 1}, -1.0, []),
        "third": Reading({"c": 1}, -1.0 + dearer * len(tokens), []),
    }
    learnt = iter(("second", "third"))
    monkeypatch.setattr(layout_importer, "_first", lambda *_: readings["first"])
    monkeypatch.setattr(layout_importer, "_learning", lambda *_: readings[next(learnt)])
    assert layout_importer._best("", tokens, False) is readings[kept]


def test_readings_nested_deeper_than_recursion_allows_are_compared_and_learnt_from():
    deep: Any = "leaf"
    for _ in range(5000):
        deep = [{"a": deep}]
    document = {"openapi": "3.1.0", "components": {"examples": {"E": {"value": deep}}}}
    assert Habits.of(document).sorted_share("any") is None  # one key per object: no order
    assert _moved(document, document) == 0.0
    assert _moved({}, document) == 1.0


def test_unsupported_version_is_refused():
    text = damage("openapi: 2.0.1\ninfo:\n  title: t\n  version: '1'\npaths: {}\n", "lines")
    with pytest.raises(MalformedSource, match="not supported"):
        importer.read(text, "old.yaml")
