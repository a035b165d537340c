package dev.walrussync.localnet.chain.graphql;

import dev.walrussync.localnet.chain.Json;
import dev.walrussync.localnet.chain.LocalChain;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.DataFetcherFactories;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sui GraphQL RPC over a {@link LocalChain}: the subset of the real schema in {@code schema.graphqls}, with Sui's
 * scalar forms, page sizes, multi-get and payload limits, query depth and node limits, and errors as top-level
 * GraphQL errors carrying {@code extensions.code}.
 */
public final class SuiGraphQl {
    static final int MAX_MULTI_GET_SIZE = 200;
    static final int MAX_QUERY_PAYLOAD_SIZE = 5_000;
    static final int MAX_TRANSACTION_PAYLOAD_SIZE = 174_763;
    static final int MAX_QUERY_DEPTH = 20;
    static final int MAX_QUERY_NODES = 300;

    private static final Logger LOG = LoggerFactory.getLogger(SuiGraphQl.class);
    private static final Pattern TX_VARIABLE =
            Pattern.compile("\\b(?:transactionDataBcs|signatures|transaction)\\s*:\\s*\\$(\\w+)");
    private static final Pattern TX_LITERAL =
            Pattern.compile("\\b(?:transactionDataBcs|transaction)\\s*:\\s*\"([^\"]*)\"");

    private final LocalChain chain;
    private final GraphQL graphQl;

    public SuiGraphQl(LocalChain chain) {
        this.chain = chain;
        this.graphQl = GraphQL.newGraphQL(schema())
                .defaultDataFetcherExceptionHandler(new ErrorHandler())
                .instrumentation(new ChainedInstrumentation(List.of(
                        new MaxQueryDepthInstrumentation(MAX_QUERY_DEPTH),
                        new MaxQueryComplexityInstrumentation(MAX_QUERY_NODES))))
                .build();
    }

    private static GraphQLSchema schema() {
        String sdl;
        try (InputStream in = SuiGraphQl.class.getResourceAsStream("schema.graphqls")) {
            if (in == null) {
                throw new IllegalStateException("schema.graphqls is missing");
            }
            sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        Map<Class<?>, String> unionMembers = Map.of(
                ObjectViews.AddressOwnerView.class, "AddressOwner",
                ObjectViews.ObjectOwnerView.class, "ObjectOwner",
                ObjectViews.SharedView.class, "Shared",
                ObjectViews.ImmutableView.class, "Immutable",
                ObjectViews.ObjectView.class, "MoveObject",
                ObjectViews.MoveValueView.class, "MoveValue");
        TypeResolver resolver = env -> {
            String name = unionMembers.get(env.getObject().getClass());
            return name == null ? null : (GraphQLObjectType) env.getSchema().getType(name);
        };
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .codeRegistry(GraphQLCodeRegistry.newCodeRegistry()
                        .defaultDataFetcher(DataFetcherFactories.useDataFetcher(new MethodDataFetcher())))
                .type("Owner", t -> t.typeResolver(resolver))
                .type("DynamicFieldValue", t -> t.typeResolver(resolver));
        SuiScalars.all().forEach(wiring::scalar);
        return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
    }

    /**
     * Runs one GraphQL request and returns the response in the spec's shape ({@code data}, {@code errors}).
     *
     * @param query the document
     * @param operationName the operation to run, or {@code null}
     * @param variables the variables, or {@code null}
     */
    public Map<String, Object> execute(String query, String operationName, Map<String, Object> variables) {
        Map<String, Object> vars = variables == null ? Map.of() : variables;
        int payload = payloadSize(query, vars);
        if (payload > MAX_QUERY_PAYLOAD_SIZE) {
            return errorResponse("Query payload is too large: " + payload + " bytes, the maximum is "
                    + MAX_QUERY_PAYLOAD_SIZE + " bytes (transaction bytes and signatures not counted)");
        }
        ExecutionInput.Builder input =
                ExecutionInput.newExecutionInput().query(query).variables(vars).root(new RootView(new Gql(chain)));
        if (operationName != null) {
            input.operationName(operationName);
        }
        ExecutionResult result = graphQl.execute(input.build());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", result.isDataPresent() ? result.getData() : null);
        if (!result.getErrors().isEmpty()) {
            out.put(
                    "errors",
                    result.getErrors().stream()
                            .map(GraphQLError::toSpecification)
                            .toList());
        }
        return out;
    }

    /** A response with no data and one error. */
    static Map<String, Object> errorResponse(String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", GraphQlUserError.BAD_USER_INPUT));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", null);
        out.put("errors", List.of(error));
        return out;
    }

    /** The query's size as Sui counts it: the document and variables, minus transaction bytes and signatures. */
    static int payloadSize(String query, Map<String, Object> variables) {
        int size = query.getBytes(StandardCharsets.UTF_8).length;
        Matcher literal = TX_LITERAL.matcher(query);
        while (literal.find()) {
            size -= literal.group(1).length();
        }
        Set<String> excluded = new HashSet<>();
        Matcher m = TX_VARIABLE.matcher(query);
        while (m.find()) {
            excluded.add(m.group(1));
        }
        Map<String, Object> counted = new HashMap<>(variables);
        excluded.forEach(counted::remove);
        if (!counted.isEmpty()) {
            try {
                size += Json.MAPPER.writeValueAsBytes(counted).length;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return size;
    }

    /** Turns resolver exceptions into GraphQL errors with Sui's message and an {@code extensions.code}. */
    private static final class ErrorHandler implements DataFetcherExceptionHandler {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
                graphql.execution.DataFetcherExceptionHandlerParameters params) {
            Throwable e = params.getException();
            while (e instanceof CompletionException && e.getCause() != null) {
                e = e.getCause();
            }
            String message;
            String code;
            if (e instanceof GraphQlUserError user) {
                message = user.getMessage();
                code = user.code();
            } else {
                LOG.warn("GraphQL resolver failed at {}", params.getPath(), e);
                message = "Internal error: " + e;
                code = "INTERNAL_SERVER_ERROR";
            }
            GraphQLError error = GraphqlErrorBuilder.newError()
                    .message("%s", message)
                    .path(params.getPath())
                    .location(params.getSourceLocation())
                    .extensions(Map.of("code", code))
                    .build();
            return CompletableFuture.completedFuture(
                    DataFetcherExceptionHandlerResult.newResult().error(error).build());
        }
    }
}
