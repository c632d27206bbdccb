package org.unionanalytics.eventstore;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

import java.util.HashMap;
import java.util.Map;

/**
 * Stores events under names of their own ("UnionEstablished") instead of Java class names, so the
 * log stays readable after a class is renamed or moved. Types without a stored name (metadata,
 * snapshots, tokens) keep the delegate's naming.
 */
public class StoredNameSerializer implements Serializer {

    private final Serializer delegate;
    private final Map<String, Class<?>> classByName;
    private final Map<String, String> nameByClassName = new HashMap<>();

    public StoredNameSerializer(Serializer delegate, Map<String, Class<?>> classByStoredName) {
        this.delegate = delegate;
        this.classByName = Map.copyOf(classByStoredName);
        classByStoredName.forEach((name, type) -> nameByClassName.put(type.getName(), name));
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> serialized = delegate.serialize(object, expectedRepresentation);
        String storedName = nameByClassName.get(serialized.getType().getName());
        return storedName == null ? serialized : new SimpleSerializedObject<>(serialized.getData(),
                serialized.getContentType(), storedName, serialized.getType().getRevision());
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classByName.get(serializedObject.getType().getName());
        if (type == null) {
            return delegate.deserialize(serializedObject);
        }
        return delegate.deserialize(new SimpleSerializedObject<>(serializedObject.getData(),
                serializedObject.getContentType(), type.getName(), serializedObject.getType().getRevision()));
    }

    @Override
    public Class classForType(SerializedType type) {
        Class<?> stored = classByName.get(type.getName());
        return stored != null ? stored : delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        SerializedType delegated = delegate.typeForClass(type);
        String storedName = type == null ? null : nameByClassName.get(type.getName());
        return storedName == null ? delegated : new SimpleSerializedType(storedName, delegated.getRevision());
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
