package org.marcloom.cli;

import java.io.IOException;
import java.util.List;

/// `marcloom count`: the number of records in each input.
final class CountCommand extends Command {

    @Override
    String name() {
        return "count";
    }

    @Override
    String summary() {
        return "Print the number of records in each file (count, a tab, the file name).";
    }

    @Override
    String synopsis() {
        return "[--lenient] [--from FORMAT] FILE...";
    }

    @Override
    List<Args.Option> options() {
        return List.of(LENIENT, FROM);
    }

    @Override
    int execute(Args.Parsed args, Context ctx) throws Args.UsageException, IOException {
        List<String> inputs = inputs(args);
        RecordLoop.run(inputs, Inputs.readers(name(), args), ctx, true, new RecordLoop.Handler() {
            @Override
            public void record(Inputs.Input in, org.marcloom.record.MarcRecord rec) {
            }

            @Override
            public void endOfInput(Inputs.Input in, long records) {
                ctx.stdout().println(records + "\t" + in.name);
            }
        });
        return 0;
    }
}
