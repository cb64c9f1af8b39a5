namespace RecorderDaemon.Native;

/// <summary>Process-wide GStreamer initialization and registry questions.</summary>
public static unsafe class GstRuntime
{
    private static readonly Lock InitLock = new();
    private static bool _initialized;

    /// <summary>Initializes GStreamer and its pbutils once; later calls do nothing.</summary>
    public static void Initialize()
    {
        lock (InitLock)
        {
            if (_initialized)
            {
                return;
            }

            Interop.GLib.GError* error = null;
            if (!Interop.Gst.gst_init_check(0, 0, &error))
            {
                throw GLibException.FromGError(error) ?? new GLibException("gst", 0, "GStreamer could not be initialized");
            }

            Interop.GstPbUtils.gst_pb_utils_init();
            _initialized = true;
        }
    }

    public static string Version => Utf8.TakeOwned((nint)Interop.Gst.gst_version_string()) ?? "";

    /// <summary>True when the registry has an element factory of this name (its plugin is installed).</summary>
    public static bool HasElement(string factoryName)
    {
        var factory = Interop.Gst.gst_element_factory_find(factoryName);
        if (factory == 0)
        {
            return false;
        }

        Interop.Gst.gst_object_unref(factory);
        return true;
    }

    /// <summary>
    /// Loads the plugins of these element factories now (each a <c>dlopen</c> and the plugin's init), so that the first
    /// pipeline that makes them does not wait for it; names the registry does not know are skipped.
    /// </summary>
    public static void LoadPlugins(IEnumerable<string> factoryNames)
    {
        foreach (var name in factoryNames)
        {
            var factory = Interop.Gst.gst_element_factory_find(name);
            if (factory == 0)
            {
                continue;
            }

            var loaded = Interop.Gst.gst_plugin_feature_load(factory);
            if (loaded != 0)
            {
                Interop.Gst.gst_object_unref(loaded);
            }

            Interop.Gst.gst_object_unref(factory);
        }
    }

    /// <summary>Makes GLib criticals and warnings abort the process, so tests cannot miss them.</summary>
    public static void MakeWarningsFatal()
    {
        const int G_LOG_LEVEL_CRITICAL = 1 << 3;
        const int G_LOG_LEVEL_WARNING = 1 << 4;
        Interop.GLib.g_log_set_always_fatal(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
    }
}
