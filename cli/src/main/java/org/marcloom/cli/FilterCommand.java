package org.marcloom.cli;

import java.io.IOException;
import java.util.List;
import org.marcloom.MarcFormat;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.MarcSpec;

/// `marcloom filter`: the records for which a MARCspec holds (references something).
final class FilterCommand extends Command {

    @Override
    String name() {
        return "filter";
    }

    @Override
    String summary() {
        return "Keep the records a MARCspec selects something in (245{$a~\\Moby}), in order, into one output.";
    }

    @Override
    String synopsis() {
        return "SPEC [--invert] [--to FORMAT] [--from FORMAT] [--lenient] [-o OUT] FILE...";
    }

    @Override
    List<Args.Option> options() {
        return List.of(
                Args.flag("invert", "keep the records the spec selects nothing in instead"),
                Args.value("to", "FORMAT", "output format: " + Formats.FORMAT_NAMES + " (default marc)"),
                FROM, LENIENT, LIMIT, CONCURRENCY,
                new Args.Option("output", "o", "OUT", "write to OUT instead of standard output (- is standard output)"));
    }

    @Override
    String details() {
        return """
                A record is kept when SPEC references at least one value in it: 008/35-37{=\\fre},
                650{$2=\\fast}, 880, LDR{/6=\\e}. The output file appears only when the whole run succeeds;
                the number of records kept and read goes to standard error.""";
    }

    @Override
    int execute(Args.Parsed args, Context ctx) throws Args.UsageException, IOException {
        List<String> positionals = args.positionals();
        if (positionals.isEmpty()) {
            throw new Args.UsageException(name(), "no SPEC given (for example '650{$2=\\fast}')");
        }
        MarcSpec spec = SelectCommand.spec(name(), "SPEC", positionals.getFirst());
        boolean invert = args.has("invert");
        MarcFormat to = Formats.format(name(), "to", args.value("to", "marc"));
        List<String> inputs = inputs(name(), positionals.subList(1, positionals.size()));
        long[] kept = {0};
        long read;
        try (Output out = Output.open(args.value("output"), ctx.stdout())) {
            try (MarcWriter writer = MarcWriter.builder().format(to).keepOpen(true).open(out.stream())) {
                Inputs.Readers readers = Inputs.readers(name(), args, inputs);
                read = RecordLoop.run(inputs, readers, ctx, true, (in, rec) -> {
                    if (spec.matches(rec) != invert) {
                        writer.write(rec);
                        kept[0]++;
                    }
                });
            }
            out.commit();
        }
        ctx.stderr().println("marcloom filter: kept " + kept[0] + " of " + read + " records");
        return 0;
    }
}
