// /api/openapi.json, generated from the route table and the zod schemas the routes validate with.
import { z } from 'zod';

export interface ApiResponse {
  description: string;
  schema?: z.ZodType;
  /** Media type when the body is not JSON (exports, the event stream). */
  content?: string;
}

export interface ApiRouteDoc {
  method: string;
  path: string;
  summary: string;
  description?: string;
  params: Record<string, { schema: z.ZodType; description: string; in?: 'path' | 'query' }>;
  body?: z.ZodType;
  responses: Record<number, ApiResponse>;
}

type JsonSchema = Record<string, unknown>;

/** A registry's schemas as OpenAPI components: JSON Schema 2020-12, as OpenAPI 3.1 uses, with
 * references between named schemas pointing into components. */
function componentsOf(registry: z.core.$ZodRegistry<{ id: string }>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, { io, unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as JsonSchema;
      return [id, rest];
    }),
  );
}

/** A named schema by reference, any other inline. */
function schemaOf(schema: z.ZodType, registry: z.core.$ZodRegistry<{ id: string }>, io: 'input' | 'output'): JsonSchema {
  const id = registry.get(schema)?.id;
  if (id) return { $ref: `#/components/schemas/${id}` };
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

export function openApiDocument(
  routes: ApiRouteDoc[],
  registries: { requests: z.core.$ZodRegistry<{ id: string }>; responses: z.core.$ZodRegistry<{ id: string }> },
  info: { version: string },
): JsonSchema {
  const components = { ...componentsOf(registries.responses, 'output'), ...componentsOf(registries.requests, 'input') };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const op: Record<string, unknown> = {
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      operationId: `${r.method.toLowerCase()}${r.path.replace(/\{(\w+)\}/g, (_, p: string) => `By${p[0].toUpperCase()}${p.slice(1)}`).replace(/[^A-Za-z0-9]+(\w)?/g, (_, c?: string) => (c ? c.toUpperCase() : ''))}`,
      parameters: Object.entries(r.params).map(([name, p]) => ({
        name,
        in: p.in ?? 'path',
        required: (p.in ?? 'path') === 'path',
        description: p.description,
        schema: schemaOf(p.schema, registries.requests, 'input'),
      })),
      responses: Object.fromEntries(
        Object.entries(r.responses).map(([status, res]) => [
          status,
          {
            description: res.description,
            ...(res.schema || res.content
              ? { content: { [res.content ?? 'application/json']: res.schema ? { schema: schemaOf(res.schema, registries.responses, 'output') } : {} } }
              : {}),
          },
        ]),
      ),
    };
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(r.body, registries.requests, 'input') } } };
    (paths[r.path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley workspace API',
      version: info.version,
      description:
        'The JSON API that the workspace pages use. Request bodies are JSON (Content-Type: application/json) and are validated against the schemas below; an error is {"error": message} with a 4xx or 5xx status. A request that changes anything must come from the workspace itself (Origin) or from a client that sends no Origin. When the server has a token, send it as "Authorization: Bearer <token>" or as the cookie the printed address sets.',
    },
    components: {
      schemas: components,
      securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'Needed only when the server was started with a token (always when it listens beyond loopback).' } },
    },
    paths,
  };
}
