package dev.walrussync.localnet.chain.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.localnet.chain.Json;
import dev.walrussync.walrus.sui.SuiAddress;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Sui GraphQL's custom scalars with their JSON forms: SuiAddress, UInt53, BigInt, Base64, DateTime and JSON. */
final class SuiScalars {
    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{1,64}");
    private static final long MAX_UINT53 = (1L << 53) - 1;

    private SuiScalars() {}

    static List<GraphQLScalarType> all() {
        return List.of(suiAddress(), uint53(), bigInt(), base64(), dateTime(), json());
    }

    private static String literalString(Object input, String scalar) {
        if (input instanceof StringValue s) {
            return s.getValue();
        }
        throw new CoercingParseLiteralException("Expected a string literal for " + scalar);
    }

    static SuiAddress parseAddress(String text) {
        if (!HEX_ADDRESS.matcher(text).matches()) {
            throw new CoercingParseValueException(
                    "Invalid SuiAddress: '" + text + "' (expected 0x followed by up to 64 hex digits)");
        }
        return SuiAddress.parse(text);
    }

    private static GraphQLScalarType suiAddress() {
        return GraphQLScalarType.newScalar()
                .name("SuiAddress")
                .coercing(new Coercing<SuiAddress, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        if (value instanceof SuiAddress a) {
                            return a.toString();
                        }
                        throw new CoercingSerializeException("not a SuiAddress: " + value);
                    }

                    @Override
                    public SuiAddress parseValue(Object input, GraphQLContext context, Locale locale) {
                        if (input instanceof String s) {
                            return parseAddress(s);
                        }
                        throw new CoercingParseValueException("Expected a string for SuiAddress");
                    }

                    @Override
                    public SuiAddress parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        try {
                            return parseAddress(literalString(input, "SuiAddress"));
                        } catch (CoercingParseValueException e) {
                            throw new CoercingParseLiteralException(e.getMessage());
                        }
                    }
                })
                .build();
    }

    private static Long checkUInt53(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(MAX_UINT53)) > 0) {
            throw new CoercingParseValueException("Invalid UInt53: " + value);
        }
        return value.longValue();
    }

    private static GraphQLScalarType uint53() {
        return GraphQLScalarType.newScalar()
                .name("UInt53")
                .coercing(new Coercing<Long, Long>() {
                    @Override
                    public Long serialize(Object value, GraphQLContext context, Locale locale) {
                        if (value instanceof Number n) {
                            return n.longValue();
                        }
                        throw new CoercingSerializeException("not a UInt53: " + value);
                    }

                    @Override
                    public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                        if (input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
                            return checkUInt53(new BigInteger(input.toString()));
                        }
                        throw new CoercingParseValueException("Expected an integer for UInt53");
                    }

                    @Override
                    public Long parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        if (input instanceof IntValue i) {
                            try {
                                return checkUInt53(i.getValue());
                            } catch (CoercingParseValueException e) {
                                throw new CoercingParseLiteralException(e.getMessage());
                            }
                        }
                        throw new CoercingParseLiteralException("Expected an integer literal for UInt53");
                    }
                })
                .build();
    }

    private static GraphQLScalarType bigInt() {
        return GraphQLScalarType.newScalar()
                .name("BigInt")
                .coercing(new Coercing<BigInteger, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer) {
                            return value.toString();
                        }
                        if (value instanceof String s) {
                            return s;
                        }
                        throw new CoercingSerializeException("not a BigInt: " + value);
                    }

                    @Override
                    public BigInteger parseValue(Object input, GraphQLContext context, Locale locale) {
                        try {
                            return new BigInteger(input.toString());
                        } catch (NumberFormatException e) {
                            throw new CoercingParseValueException("Invalid BigInt: " + input);
                        }
                    }

                    @Override
                    public BigInteger parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        try {
                            return new BigInteger(literalString(input, "BigInt"));
                        } catch (NumberFormatException e) {
                            throw new CoercingParseLiteralException("Invalid BigInt");
                        }
                    }
                })
                .build();
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CoercingParseValueException("Invalid Base64: " + e.getMessage());
        }
    }

    private static GraphQLScalarType base64() {
        return GraphQLScalarType.newScalar()
                .name("Base64")
                .coercing(new Coercing<byte[], String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        if (value instanceof byte[] b) {
                            return Base64.getEncoder().encodeToString(b);
                        }
                        throw new CoercingSerializeException("not bytes");
                    }

                    @Override
                    public byte[] parseValue(Object input, GraphQLContext context, Locale locale) {
                        if (input instanceof String s) {
                            return decodeBase64(s);
                        }
                        throw new CoercingParseValueException("Expected a string for Base64");
                    }

                    @Override
                    public byte[] parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        try {
                            return decodeBase64(literalString(input, "Base64"));
                        } catch (CoercingParseValueException e) {
                            throw new CoercingParseLiteralException(e.getMessage());
                        }
                    }
                })
                .build();
    }

    private static GraphQLScalarType dateTime() {
        return GraphQLScalarType.newScalar()
                .name("DateTime")
                .coercing(new Coercing<Instant, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        if (value instanceof Instant i) {
                            return i.toString();
                        }
                        throw new CoercingSerializeException("not an Instant");
                    }

                    @Override
                    public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                        try {
                            return Instant.parse(input.toString());
                        } catch (RuntimeException e) {
                            throw new CoercingParseValueException("Invalid DateTime: " + input);
                        }
                    }

                    @Override
                    public Instant parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        try {
                            return Instant.parse(literalString(input, "DateTime"));
                        } catch (RuntimeException e) {
                            throw new CoercingParseLiteralException("Invalid DateTime");
                        }
                    }
                })
                .build();
    }

    private static GraphQLScalarType json() {
        return GraphQLScalarType.newScalar()
                .name("JSON")
                .coercing(new Coercing<Object, Object>() {
                    @Override
                    public Object serialize(Object value, GraphQLContext context, Locale locale) {
                        if (value instanceof JsonNode node) {
                            return Json.MAPPER.convertValue(node, Object.class);
                        }
                        return value;
                    }

                    @Override
                    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                        return input;
                    }

                    @Override
                    public Object parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        return literal(input, variables);
                    }
                })
                .build();
    }

    private static Object literal(Value<?> value, CoercedVariables variables) {
        return switch (value) {
            case StringValue s -> s.getValue();
            case IntValue i -> i.getValue();
            case FloatValue f -> f.getValue();
            case BooleanValue b -> b.isValue();
            case NullValue n -> null;
            case VariableReference v -> variables.get(v.getName());
            case ArrayValue a -> {
                List<Object> out = new ArrayList<>();
                a.getValues().forEach(v -> out.add(literal(v, variables)));
                yield out;
            }
            case ObjectValue o -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (ObjectField field : o.getObjectFields()) {
                    out.put(field.getName(), literal(field.getValue(), variables));
                }
                yield out;
            }
            default -> throw new CoercingParseLiteralException("Unsupported JSON literal");
        };
    }
}
