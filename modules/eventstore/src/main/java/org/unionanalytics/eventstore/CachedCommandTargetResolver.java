package org.unionanalytics.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.axonframework.common.annotation.AnnotationUtils.isAnnotationPresent;

/**
 * Finds the aggregate a command targets through the members annotated {@link TargetAggregateIdentifier}
 * and {@link TargetAggregateVersion}, looked up once per command class. Axon's annotation resolver
 * looks them up again for every command: in an import, 70% of the thread feeding the commands.
 */
public final class CachedCommandTargetResolver implements CommandTargetResolver {

    public static final CachedCommandTargetResolver INSTANCE = new CachedCommandTargetResolver();

    private final ClassValue<Target> targets = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> type) {
            return new Target(annotated(type, TargetAggregateIdentifier.class), annotated(type, TargetAggregateVersion.class));
        }
    };

    private CachedCommandTargetResolver() {
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object identifier = identifierOf(command).orElseThrow(() -> new IllegalArgumentException("Invalid command: "
                + command.getPayloadType().getSimpleName()
                + " does not name its target aggregate (no member annotated @TargetAggregateIdentifier with a value)"));
        Object version = targets.get(command.getPayloadType()).version()
                .map(member -> valueOf(member, command.getPayload())).orElse(null);
        return new VersionedAggregateIdentifier(identifier, version == null ? null : Long.valueOf(version.toString()));
    }

    /** The aggregate the command names, if it names one (a command creating several names none). */
    public Optional<Object> identifierOf(CommandMessage<?> command) {
        return targets.get(command.getPayloadType()).identifier().map(member -> valueOf(member, command.getPayload()));
    }

    private record Target(Optional<AccessibleObject> identifier, Optional<AccessibleObject> version) {
    }

    private static Optional<AccessibleObject> annotated(Class<?> type, Class<? extends Annotation> annotation) {
        Stream<AccessibleObject> fields = StreamSupport.stream(ReflectionUtils.fieldsOf(type).spliterator(), false)
                .filter(field -> isAnnotationPresent(field, annotation)).map(AccessibleObject.class::cast);
        Stream<AccessibleObject> methods = StreamSupport.stream(ReflectionUtils.methodsOf(type).spliterator(), false)
                .filter(method -> isAnnotationPresent(method, annotation) && method.getParameterCount() == 0)
                .map(AccessibleObject.class::cast);
        return Stream.concat(fields, methods).findFirst().map(ReflectionUtils::ensureAccessible);
    }

    private static Object valueOf(AccessibleObject member, Object payload) {
        try {
            return member instanceof Field field ? field.get(payload) : ((Method) member).invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read " + ((Member) member).getName() + " of "
                    + payload.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
