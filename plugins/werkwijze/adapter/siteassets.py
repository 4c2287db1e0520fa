"""Our theme in a MkDocs build: the Markdown extensions the pages need, our template
overrides, stylesheets and scripts in their load order (on_config), and the asset files
of the site (on_files). What they are lives in theme.py, shared with `werkwijze export`;
this module only puts them into MkDocs' config and file list."""
from __future__ import annotations

from mkdocs.structure.files import File, Files

from ..core import i18n
from ..theme import REQUIRED_EXTENSIONS, TEMPLATES_DIR, asset_files, generated_assets, scripts, stylesheets


def add_theme(config) -> None:
    for name, options in REQUIRED_EXTENSIONS.items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
            config.mdx_configs.setdefault(name, options)
    # Our template overrides sit after the manual's own custom_dir (which wins)
    # and before the theme's.
    theme_dirs = config.theme.dirs
    position = 1 if config.theme.custom_dir else 0
    if str(TEMPLATES_DIR) not in theme_dirs:
        theme_dirs.insert(position, str(TEMPLATES_DIR))
    # Our assets load after the manual's own, the catalogue's texts before every script.
    config.extra_css.extend(uri for uri in stylesheets() if uri not in config.extra_css)
    first, last = scripts()
    loaded = [str(s) for s in config.extra_javascript]
    config.extra_javascript.extend(uri for uri in last if uri not in loaded)
    config.extra_javascript[:0] = [uri for uri in first if uri not in loaded]


def add_asset_files(files: Files, config, catalogue: i18n.Catalogue, kinds) -> None:
    """The package's assets and the two made per manual (browser texts, colours)."""
    colours = config.extra.get("werkwijze_kleuren")
    for path, content in generated_assets(catalogue, colours, kinds).items():
        files.append(File.generated(config, path, content=content))
    for path, asset in asset_files().items():
        files.append(File.generated(config, path, abs_src_path=str(asset)))
