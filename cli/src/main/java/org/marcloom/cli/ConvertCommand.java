package org.marcloom.cli;

import java.io.IOException;
import java.util.List;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;

/// `marcloom convert`: every input's records, in order, written in one format.
final class ConvertCommand extends Command {

    @Override
    String name() {
        return "convert";
    }

    @Override
    String summary() {
        return "Convert records to another format (all inputs, in order, into one output).";
    }

    @Override
    String synopsis() {
        return "--to FORMAT [--from FORMAT] [--lenient] [--encoding ENC] [--threads N] [-o OUT] IN...";
    }

    @Override
    List<Args.Option> options() {
        return List.of(
                Args.value("to", "FORMAT", "output format: " + Formats.FORMAT_NAMES + " (required)"),
                FROM,
                LENIENT,
                Args.value("encoding", "ENC", "how to decode ISO 2709 input: auto (leader/09), utf8, marc8 or latin1"),
                Args.value("threads", "N", "decode and encode on N threads; the output is the same as with 1"),
                new Args.Option("output", "o", "OUT", "write to OUT instead of standard output (- is standard output)"));
    }

    @Override
    String details() {
        return """
                The output file appears only when the whole run succeeds. With --threads, ISO 2709 input is
                framed on one thread and decoded and encoded on N, in the input's order.""";
    }

    @Override
    int execute(Args.Parsed args, Context ctx) throws Args.UsageException, IOException {
        String toName = args.value("to");
        if (toName == null) {
            throw new Args.UsageException(name(), "--to FORMAT is required (" + Formats.FORMAT_NAMES + ")");
        }
        MarcFormat to = Formats.format(name(), "to", toName);
        int threads = args.intValue("threads", 1, 1);
        List<String> inputs = inputs(args);
        MarcReader.Builder readers = Inputs.readerBuilder(name(), args);
        try (Output out = Output.open(args.value("output"), ctx.stdout())) {
            if (threads > 1) {
                new ParallelConverter(to, readers, threads, ctx).convert(inputs, out.stream());
            } else {
                MarcWriter writer = MarcWriter.builder().format(to).keepOpen(true).open(out.stream());
                RecordLoop.run(inputs, readers, ctx, true, (in, rec) -> write(writer, in, rec));
                writer.close();
            }
            out.commit();
        }
        return 0;
    }

    private static void write(MarcWriter writer, Inputs.Input in, MarcRecord rec) {
        try {
            writer.write(rec);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(in.name + ": " + e.getMessage(), e);
        }
    }
}
