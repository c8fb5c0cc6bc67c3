package org.marcloom.examples.preview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.record.MarcRecord;

/// The many-files job (see `org.marcloom.examples.BatchOfFiles`) on the JDK's preview
/// `StructuredTaskScope` (Java 25 API) instead of marcloom's `StructuredScope`: one subtask per
/// file, fail-fast (the default joiner), results in input order.
///
/// Not compiled by the normal build. Run:
/// `mvn -q -Ppreview -DskipTests package && java --enable-preview -cp examples/target/marcloom-examples.jar:examples/target/preview-classes org.marcloom.examples.preview.StructuredScopeJdk`
public final class StructuredScopeJdk {

    private StructuredScopeJdk() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : Path.of("fixtures/iso2709/evergreen__jazz_1k.mrc");
        List<Path> files = new ArrayList<>(Collections.nCopies(4, file));
        ReaderOptions options = ReaderOptions.builder().lenient(true).build();
        long t0 = System.nanoTime();
        List<StructuredTaskScope.Subtask<Long>> subtasks = new ArrayList<>();
        try (var scope = StructuredTaskScope.open()) {
            for (Path f : files) {
                subtasks.add(scope.fork(() -> {
                    try (MarcReader reader = MarcReader.builder().options(options).open(f)) {
                        long n = 0;
                        for (MarcRecord r : reader) {
                            n += r.fields().size();
                        }
                        return n;
                    }
                }));
            }
            scope.join(); // throws FailedException on the first failure; siblings are cancelled
        }
        for (int i = 0; i < files.size(); i++) {
            System.out.println(files.get(i) + ": " + subtasks.get(i).get() + " fields");
        }
        System.out.printf("%d files in %.1f ms%n", files.size(), (System.nanoTime() - t0) / 1e6);
    }
}
