import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/// Used by .ci/fuzz only: rewrites the class-file major version of every .class file under the
/// given folders from 69 (Java 25) to 67 (Java 23), so that Jazzer 0.24.0's instrumentation,
/// whose bundled ASM reads class files up to Java 23 and rejects 69 ("Unsupported class file major
/// version 69"), can add coverage to them. The bytecode is left as it is: Java 24 and 25 added no
/// instruction or attribute that javac emits for these sources, and the JDK 25 runtime loads
/// version 67 class files. For the fuzzing build folder (target-fuzz) only, never for artifacts.
///
/// Usage: java .ci/FuzzClassVersion.java DIR...
public final class FuzzClassVersion {
    public static void main(String[] args) throws IOException {
        int changed = 0;
        for (String dir : args) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    byte[] b = Files.readAllBytes(p);
                    int major = ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
                    if (b.length < 8 || (b[0] & 0xFF) != 0xCA || major < 67) {
                        continue;
                    }
                    if (major > 69) {
                        throw new IllegalStateException(p + ": class file major version " + major + " is newer than Java 25");
                    }
                    if (major != 67) {
                        b[6] = 0;
                        b[7] = 67;
                        Files.write(p, b);
                        changed++;
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        System.out.println("FuzzClassVersion: " + changed + " class files set to major version 67 (Java 23)");
    }
}
