package io.github.d365bridge.client.d365.pkg;

import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;

/**
 * Where in a package a problem was found, so that every failure message names the package, the
 * entity and the file an operator has to look at. A package D365 exported stays broken however
 * often it is read, so all of these failures are permanent.
 *
 * @param packageName the zip's name as the caller knows it
 * @param entity      the entity label, or null for the package as a whole
 * @param file        the file inside the zip, or null
 */
record PackageLocation(String packageName, String entity, String file) {

    static PackageLocation of(String packageName) {
        return new PackageLocation(packageName, null, null);
    }

    PackageLocation file(String fileName) {
        return new PackageLocation(packageName, entity, fileName);
    }

    PackageLocation entity(String label, String fileName) {
        return new PackageLocation(packageName, label, fileName);
    }

    PermanentFailureException failure(String problem) {
        return failure(problem, null);
    }

    PermanentFailureException failure(String problem, Throwable cause) {
        StringBuilder text = new StringBuilder("D365 package '").append(packageName).append('\'');
        if (entity != null) {
            text.append(", entity '").append(entity).append('\'');
        }
        if (file != null) {
            text.append(", file '").append(file).append('\'');
        }
        text.append(": ").append(problem);
        return cause == null
                ? new PermanentFailureException(ExternalSystem.D365, text.toString())
                : new PermanentFailureException(ExternalSystem.D365, text.toString(), cause);
    }
}
