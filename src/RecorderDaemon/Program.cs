using RecorderDaemon.Hosting;

return args switch
{
    ["demo", ..] => await EngineDemo.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: recorderd demo [SECONDS] [OUTPUT-DIRECTORY]");
    Console.Error.WriteLine("  records SECONDS (default 5) of test audio and video to a WebM file and describes it");
    return 2;
}
