package dev.walrussync.localnet.chain.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a field by calling the source object's method of the same name (with a trailing {@code _} for Java
 * keywords such as {@code package}), passing the {@link DataFetchingEnvironment} when the method takes one.
 */
final class MethodDataFetcher implements DataFetcher<Object> {
    private final Map<Class<?>, Map<String, Optional<Method>>> cache = new ConcurrentHashMap<>();

    @Override
    public Object get(DataFetchingEnvironment env) throws Exception {
        Object source = env.getSource();
        String name = env.getFieldDefinition().getName();
        if (source == null || name.equals("_")) {
            return null;
        }
        if (source instanceof Map<?, ?> map) {
            return map.get(name);
        }
        Method method = cache.computeIfAbsent(source.getClass(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> find(source.getClass(), n))
                .orElseThrow(() -> new IllegalStateException("no resolver for field " + name + " on "
                        + source.getClass().getSimpleName()));
        try {
            return method.getParameterCount() == 0 ? method.invoke(source) : method.invoke(source, env);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    private static Optional<Method> find(Class<?> type, String name) {
        for (String candidate : new String[] {name, name + "_"}) {
            for (Method method : type.getDeclaredMethods()) {
                if (!method.getName().equals(candidate) || method.isSynthetic()) {
                    continue;
                }
                Class<?>[] params = method.getParameterTypes();
                if (params.length == 0 || (params.length == 1 && params[0] == DataFetchingEnvironment.class)) {
                    method.setAccessible(true);
                    return Optional.of(method);
                }
            }
        }
        return Optional.empty();
    }
}
