package io.github.camelcardsavr.quarkus.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The classes of a package as they are in the jar (or classes directory) that holds an anchor class, read from the
 * archive itself and not from any index: what the build steps are checked against.
 */
final class JarClasses {

    private JarClasses() {
    }

    static List<Class<?>> inPackageOf(Class<?> anchor, String packageName) {
        ClassLoader loader = anchor.getClassLoader();
        String anchorPath = anchor.getName().replace('.', '/') + ".class";
        URL url = loader.getResource(anchorPath);
        if (url == null) {
            throw new IllegalStateException("Cannot find " + anchorPath);
        }
        String prefix = packageName.replace('.', '/') + "/";
        List<String> names;
        try {
            if ("jar".equals(url.getProtocol())) {
                String file = url.getFile();
                Path jar = Path.of(new URI(file.substring(0, file.indexOf("!/"))));
                try (JarFile jarFile = new JarFile(jar.toFile())) {
                    names = jarFile.stream().map(e -> e.getName()).filter(n -> n.startsWith(prefix)).toList();
                }
            } else if ("file".equals(url.getProtocol())) {
                Path classFile = Path.of(url.toURI());
                Path root = classFile.getRoot().resolve(classFile.toString()
                        .substring(0, classFile.toString().length() - anchorPath.length()));
                try (Stream<Path> files = Files.walk(root.resolve(prefix))) {
                    names = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                            .toList();
                }
            } else {
                throw new IllegalStateException("Cannot list classes behind " + url);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names.stream()
                .filter(n -> n.endsWith(".class") && !n.endsWith("package-info.class") && !n.endsWith("module-info.class"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .sorted()
                .<Class<?>>map(n -> load(n, loader))
                .toList();
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Listed but not loadable: " + name, e);
        }
    }
}
