package org.marcloom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;

/// A fuzz target: a Jazzer [FuzzTest] (at most 10 minutes in Jazzer's JUnit fuzzing mode) whose
/// regression run, in every test run, goes over each seed of the corpus folder `fixtures/fuzz/<value>`
/// (and the empty input). `.ci/fuzz Class#method` reads the folder from this annotation and hands it
/// to the fuzzer as the seed corpus.
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ArgumentsSource(FuzzTarget.Seeds.class) // before @FuzzTest: Jazzer wants that one last
@FuzzTest(maxDuration = "10m")
@interface FuzzTarget {

    /// The seed corpus: a folder under fixtures/fuzz.
    String value();

    /// The seeds of the folder a [FuzzTarget] names, one byte[] argument each, sorted by name.
    final class Seeds extends AnnotationBasedArgumentsProvider<FuzzTarget> {
        @Override
        protected Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
                                                               ExtensionContext context, FuzzTarget target) {
            return FuzzSupport.seeds(target.value()).map(seed -> Arguments.of((Object) seed));
        }
    }
}
