/// The OpenAPI 3.0 description of `/api/…`, written by hand and served at `/api/openapi.json`.
enum OpenAPIDocument {
    static let json = #"""
{
 "openapi": "3.0.3",
 "info": {
  "title": "PolicyKG explorer API",
  "version": "1.0.0",
  "description": "Read-only answers of `kg serve`: the same questions as the CLI's `kg show`, `kg coissue`, `kg path`, `kg targets` and `kg export`, on the snapshot being served. Every malformed parameter is a 400 with a message; an unknown name 404; an ambiguous name 409 with its candidates; an answer that takes longer than the server's time limit 503. Examples name entities of the bundled demo corpus (Exports/demo-corpus)."
 },
 "paths": {
  "/api/stats": {
   "get": {
    "summary": "Counts of the snapshot (kg stats)",
    "operationId": "stats",
    "responses": {
     "200": {
      "description": "node and edge counts, hubs",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     }
    }
   }
  },
  "/api/search": {
   "get": {
    "summary": "Type-ahead over names, aliases (简称) and ids",
    "operationId": "search",
    "parameters": [
     {
      "name": "q",
      "in": "query",
      "required": true,
      "description": "what the user typed",
      "schema": {
       "type": "string",
       "maxLength": 500
      },
      "example": "财政部"
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "candidates returned",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100
      }
     }
    ],
    "responses": {
     "200": {
      "description": "resolution and ranked candidates",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SearchAnswer"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/TimeLimit"
     }
    }
   }
  },
  "/api/entity": {
   "get": {
    "summary": "Entity card (kg show) with documents issued, targets and co-issuers",
    "operationId": "entity",
    "parameters": [
     {
      "name": "name",
      "in": "query",
      "required": false,
      "description": "name, alias, unique prefix or id",
      "schema": {
       "type": "string",
       "maxLength": 500
      },
      "example": "财政部"
     },
     {
      "name": "id",
      "in": "query",
      "required": false,
      "description": "node id (alternative to name)",
      "schema": {
       "type": "string",
       "maxLength": 500
      },
      "example": "agency:财政部"
     }
    ],
    "responses": {
     "200": {
      "description": "entity card",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/TimeLimit"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/coissue": {
   "get": {
    "summary": "Co-issuance network (kg coissue): pairs, drawn agencies with positions, matrix",
    "operationId": "coissue",
    "parameters": [
     {
      "$ref": "#/components/parameters/coissueAgency"
     },
     {
      "$ref": "#/components/parameters/from"
     },
     {
      "$ref": "#/components/parameters/to"
     },
     {
      "$ref": "#/components/parameters/minCount"
     },
     {
      "$ref": "#/components/parameters/includeUndated"
     },
     {
      "$ref": "#/components/parameters/coissueLimit"
     },
     {
      "name": "page",
      "in": "query",
      "required": false,
      "description": "page of the pair list",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000000
      }
     },
     {
      "name": "page_size",
      "in": "query",
      "required": false,
      "description": "pairs per page",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500
      }
     }
    ],
    "responses": {
     "200": {
      "description": "co-issuance answer",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/TimeLimit"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/coissue/pair": {
   "get": {
    "summary": "Documents two agencies co-issued",
    "operationId": "coissuePair",
    "parameters": [
     {
      "name": "a",
      "in": "query",
      "required": true,
      "description": "first agency",
      "schema": {
       "type": "string",
       "maxLength": 500
      },
      "example": "财政部"
     },
     {
      "name": "b",
      "in": "query",
      "required": true,
      "description": "second agency",
      "schema": {
       "type": "string",
       "maxLength": 500
      },
      "example": "国家发展和改革委员会"
     },
     {
      "$ref": "#/components/parameters/from"
     },
     {
      "$ref": "#/components/parameters/to"
     },
     {
      "$ref": "#/components/parameters/minCount"
     }
    ],
    "responses": {
     "200": {
      "description": "the pair with its documents",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/TimeLimit"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/coissue/matrix.csv": {
   "get": {
    "summary": "Agency × agency matrix as CSV",
    "operationId": "coissueMatrix",
    "parameters": [
     {
      "$ref": "#/components/parameters/coissueAgency"
     },
     {
      "$ref": "#/components/parameters/from"
     },
     {
      "$ref": "#/components/parameters/to"
     },
     {
      "$ref": "#/components/parameters/minCount"
     },
     {
      "$ref": "#/components/parameters/includeUndated"
     },
     {
      "$ref": "#/components/parameters/coissueLimit"
     },
     {
      "name": "sort",
      "in": "query",
      "required": false,
      "description": "row order",
      "schema": {
       "type": "string",
       "enum": [
        "documents",
        "name"
       ]
      }
     }
    ],
    "responses": {
     "200": {
      "description": "CSV",
      "content": {
       "text/csv": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/TimeLimit"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/path": {
   "get": {
    "summary": "Shortest paths (kg path), each hop with its evidence",
    "operationId": "path",
    "parameters": [
     {
      "name": "from",
      "in": "query",
      "required": true,
      "description": "start entity",
      "schema": {
       "type": "string",
       "maxLength": 500
      },
      "example": "财政部"
     },
     {
      "name": "to",
      "in": "query",
      "required": true,
      "description": "end entity",
      "schema": {
       "type": "string",
       "maxLength": 500
      },
      "example": "PPP"
     },
     {
      "name": "k",
      "in": "query",
      "required": false,
      "description": "alternative paths",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 10
      }
     },
     {
      "name": "max_hops",
      "in": "query",
      "required": false,
      "description": "longest path",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 10
      }
     },
     {
      "name": "relations",
      "in": "query",
      "required": false,
      "description": "only these relations (comma-separated)",
      "schema": {
       "type": "string",
       "maxLength": 500
      },
      "example": "issued_by,mentions"
     },
     {
      "name": "node_kinds",
      "in": "query",
      "required": false,
      "description": "only these kinds of intermediate nodes (comma-separated)",
      "schema": {
       "type": "string",
       "maxLength": 500
      }
     }
    ],
    "responses": {
     "200": {
      "description": "paths",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/TimeLimit"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/document": {
   "get": {
    "summary": "Document metadata and original text with evidence spans at exact byte offsets",
    "operationId": "document",
    "parameters": [
     {
      "name": "id",
      "in": "query",
      "required": false,
      "description": "document node (id, 文号 or title)",
      "schema": {
       "type": "string",
       "maxLength": 500
      },
      "example": "财金〔2024〕31号"
     },
     {
      "name": "source",
      "in": "query",
      "required": false,
      "description": "a source file of the snapshot",
      "schema": {
       "type": "string",
       "maxLength": 500
      }
     },
     {
      "name": "page",
      "in": "query",
      "required": false,
      "description": "page of lines (0: the page holding line)",
      "schema": {
       "type": "integer",
       "minimum": 0,
       "maximum": 1000000
      }
     },
     {
      "name": "line",
      "in": "query",
      "required": false,
      "description": "line to show",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100000000
      }
     }
    ],
    "responses": {
     "200": {
      "description": "document",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/TimeLimit"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/targets": {
   "get": {
    "summary": "Targets table (kg targets) with filters, sorted, paginated",
    "operationId": "targets",
    "parameters": [
     {
      "$ref": "#/components/parameters/targetOwner"
     },
     {
      "name": "agency",
      "in": "query",
      "required": false,
      "description": "only targets set by this agency or by documents it issued",
      "schema": {
       "type": "string",
       "maxLength": 500
      },
      "example": "财政部"
     },
     {
      "$ref": "#/components/parameters/targetYear"
     },
     {
      "$ref": "#/components/parameters/targetKind"
     },
     {
      "$ref": "#/components/parameters/targetUnit"
     },
     {
      "$ref": "#/components/parameters/targetSort"
     },
     {
      "$ref": "#/components/parameters/targetOrder"
     },
     {
      "name": "page",
      "in": "query",
      "required": false,
      "description": "page",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000000
      }
     },
     {
      "name": "page_size",
      "in": "query",
      "required": false,
      "description": "rows per page",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500
      }
     }
    ],
    "responses": {
     "200": {
      "description": "targets",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/TimeLimit"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/targets.csv": {
   "get": {
    "summary": "Targets table as CSV (all matching rows)",
    "operationId": "targetsCSV",
    "parameters": [
     {
      "$ref": "#/components/parameters/targetOwner"
     },
     {
      "name": "agency",
      "in": "query",
      "required": false,
      "description": "only targets set by this agency or by documents it issued",
      "schema": {
       "type": "string",
       "maxLength": 500
      }
     },
     {
      "$ref": "#/components/parameters/targetYear"
     },
     {
      "$ref": "#/components/parameters/targetKind"
     },
     {
      "$ref": "#/components/parameters/targetUnit"
     },
     {
      "$ref": "#/components/parameters/targetSort"
     },
     {
      "$ref": "#/components/parameters/targetOrder"
     }
    ],
    "responses": {
     "200": {
      "description": "CSV",
      "content": {
       "text/csv": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/TimeLimit"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/export": {
   "get": {
    "summary": "Export a view through kg export's writers",
    "operationId": "export",
    "parameters": [
     {
      "name": "format",
      "in": "query",
      "required": false,
      "description": "file format",
      "schema": {
       "type": "string",
       "enum": [
        "graphml",
        "gexf",
        "rdfxml",
        "turtle",
        "ntriples",
        "nquads",
        "jsonl",
        "dot"
       ]
      }
     },
     {
      "name": "view",
      "in": "query",
      "required": false,
      "description": "full multigraph or agency co-issuance network",
      "schema": {
       "type": "string",
       "enum": [
        "full",
        "coissue"
       ]
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "documents dated on or after",
      "schema": {
       "type": "string",
       "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
       "description": "yyyy, yyyy-mm or yyyy-mm-dd"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "documents dated on or before",
      "schema": {
       "type": "string",
       "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
       "description": "yyyy, yyyy-mm or yyyy-mm-dd"
      }
     },
     {
      "name": "kind",
      "in": "query",
      "required": false,
      "description": "keep only nodes of these kinds (comma-separated)",
      "schema": {
       "type": "string",
       "maxLength": 500
      }
     },
     {
      "name": "relation",
      "in": "query",
      "required": false,
      "description": "keep only these relations (comma-separated)",
      "schema": {
       "type": "string",
       "maxLength": 500
      }
     },
     {
      "name": "node",
      "in": "query",
      "required": false,
      "description": "explicit selection: node names or ids (comma-separated)",
      "schema": {
       "type": "string",
       "maxLength": 500
      },
      "example": "财政部,国家发展和改革委员会"
     },
     {
      "name": "around",
      "in": "query",
      "required": false,
      "description": "the neighbourhood of this node",
      "schema": {
       "type": "string",
       "maxLength": 500
      },
      "example": "财政部"
     },
     {
      "name": "depth",
      "in": "query",
      "required": false,
      "description": "hops around `around`",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 3
      }
     }
    ],
    "responses": {
     "200": {
      "description": "the exported file",
      "content": {
       "application/octet-stream": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/TimeLimit"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/openapi.json": {
   "get": {
    "summary": "This document",
    "operationId": "openapi",
    "responses": {
     "200": {
      "description": "OpenAPI 3.0 document",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "parameters": {
   "coissueAgency": {
    "name": "agency",
    "in": "query",
    "required": false,
    "description": "only pairs with this agency (name, alias or id)",
    "schema": {
     "type": "string",
     "maxLength": 500
    },
    "example": "财政部"
   },
   "from": {
    "name": "from",
    "in": "query",
    "required": false,
    "description": "earliest document date",
    "schema": {
     "type": "string",
     "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
     "description": "yyyy, yyyy-mm or yyyy-mm-dd"
    }
   },
   "to": {
    "name": "to",
    "in": "query",
    "required": false,
    "description": "latest document date (inclusive)",
    "schema": {
     "type": "string",
     "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
     "description": "yyyy, yyyy-mm or yyyy-mm-dd"
    }
   },
   "minCount": {
    "name": "min_count",
    "in": "query",
    "required": false,
    "description": "only pairs with at least this many documents",
    "schema": {
     "type": "integer",
     "minimum": 1,
     "maximum": 1000000
    }
   },
   "includeUndated": {
    "name": "include_undated",
    "in": "query",
    "required": false,
    "description": "with from/to, also count undated documents",
    "schema": {
     "type": "boolean"
    }
   },
   "coissueLimit": {
    "name": "limit",
    "in": "query",
    "required": false,
    "description": "agencies drawn and in the matrix (level of detail)",
    "schema": {
     "type": "integer",
     "minimum": 2,
     "maximum": 300
    }
   },
   "targetOwner": {
    "name": "owner",
    "in": "query",
    "required": false,
    "description": "programme or agency whose targets are listed (as kg targets OWNER)",
    "schema": {
     "type": "string",
     "maxLength": 500
    },
    "example": "政府和社会资本合作"
   },
   "targetYear": {
    "name": "year",
    "in": "query",
    "required": false,
    "description": "deadline year or year of a setting document",
    "schema": {
     "type": "integer",
     "minimum": 1000,
     "maximum": 9999
    }
   },
   "targetKind": {
    "name": "kind",
    "in": "query",
    "required": false,
    "description": "target kind",
    "schema": {
     "type": "string",
     "enum": [
      "red_line",
      "cap",
      "floor",
      "goal"
     ]
    }
   },
   "targetUnit": {
    "name": "unit",
    "in": "query",
    "required": false,
    "description": "unit, e.g. %",
    "schema": {
     "type": "string",
     "maxLength": 500
    }
   },
   "targetSort": {
    "name": "sort",
    "in": "query",
    "required": false,
    "description": "sort column",
    "schema": {
     "type": "string",
     "enum": [
      "target",
      "value",
      "unit",
      "kind",
      "deadline",
      "set_by"
     ]
    }
   },
   "targetOrder": {
    "name": "order",
    "in": "query",
    "required": false,
    "description": "sort order",
    "schema": {
     "type": "string",
     "enum": [
      "asc",
      "desc"
     ]
    }
   }
  },
  "responses": {
   "Error": {
    "description": "malformed parameter, unknown name, ambiguous name (with candidates) or view too large",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "TimeLimit": {
    "description": "the answer took longer than the server's time limit (kg serve --time-limit): ask a narrower question",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   }
  },
  "schemas": {
   "Error": {
    "type": "object",
    "required": [
     "error",
     "status"
    ],
    "properties": {
     "error": {
      "type": "string"
     },
     "status": {
      "type": "integer"
     },
     "candidates": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/SearchHit"
      }
     }
    }
   },
   "SearchHit": {
    "type": "object",
    "required": [
     "id",
     "kind",
     "label",
     "aliases",
     "documents"
    ],
    "properties": {
     "id": {
      "type": "string"
     },
     "kind": {
      "type": "string"
     },
     "label": {
      "type": "string"
     },
     "aliases": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "documents": {
      "type": "integer"
     }
    }
   },
   "SearchAnswer": {
    "type": "object",
    "required": [
     "query",
     "resolution",
     "candidates",
     "truncated"
    ],
    "properties": {
     "query": {
      "type": "string"
     },
     "resolution": {
      "type": "string",
      "enum": [
       "found",
       "ambiguous",
       "not_found"
      ]
     },
     "match": {
      "$ref": "#/components/schemas/SearchHit"
     },
     "candidates": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/SearchHit"
      }
     },
     "truncated": {
      "type": "boolean"
     }
    }
   }
  }
 }
}
"""#
}
