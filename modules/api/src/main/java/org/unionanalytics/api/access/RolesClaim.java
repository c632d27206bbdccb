package org.unionanalytics.api.access;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a token lists its caller's roles: a claim's name ({@code roles}, or a namespaced one such as
 * {@code https://unions.example/roles}), or a JSON pointer into nested claims ({@code /realm_access/roles},
 * where Keycloak puts them). The claim holds an array of role names or one space-separated string; names
 * this server does not know are ignored, since an identity provider's tokens serve many applications.
 */
record RolesClaim(String path) {

    Set<Role> rolesIn(JsonObject claims) {
        Object value = path.startsWith("/") ? JsonPointer.from(path).queryJson(claims) : claims.getValue(path);
        List<?> names = value instanceof JsonArray array ? array.getList()
                : value instanceof String words ? Arrays.asList(words.trim().split("\\s+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (names.contains(role.claim())) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** The claims with {@code roles} where this claim reads them. */
    JsonObject with(JsonObject claims, Set<Role> roles) {
        JsonArray names = new JsonArray();
        roles.forEach(role -> names.add(role.claim()));
        if (path.startsWith("/")) {
            JsonPointer.from(path).writeJson(claims, names, true);
        } else {
            claims.put(path, names);
        }
        return claims;
    }
}
