"""The web server: ``create_app(config=None)`` builds a fresh Flask app.

Configuration: the settings' defaults, then ``DEMOI_*`` environment variables
(``app.config.from_prefixed_env("DEMOI")``), then ``config``. Keys are the setting names in
upper case (``STORE``, ``BASE_URI``, ...).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from demoi.settings import SETTINGS, Settings, load_settings
from demoi.store import Store, open_store

STORE_EXTENSION = "demoi.store"
SETTINGS_EXTENSION = "demoi.settings"


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping({setting.name.upper(): setting.default for setting in SETTINGS})
    app.config.from_prefixed_env("DEMOI")
    if config:
        app.config.update(config)
    settings = load_settings(
        {setting.name: app.config[setting.name.upper()] for setting in SETTINGS}, environ={}
    )
    app.config["MAX_CONTENT_LENGTH"] = settings["max_upload_size"]
    if settings["trusted_proxies"]:
        # Werkzeug's ProxyFix reads the last N hops of each header, the ones the operator's
        # own proxies wrote; anything a client put before them is ignored.
        hops = settings["trusted_proxies"]
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops
        )
    app.extensions[SETTINGS_EXTENSION] = settings
    # A broken definition of the Catalogue of Indicators stops the server at its start, with
    # its file and line, rather than answering visitors with an error; checked before the
    # store is opened, so that nothing is left locked.
    from demoi.indicators.definitions import configured_definitions

    configured_definitions(settings)
    app.extensions[STORE_EXTENSION] = open_store(
        settings.store_path,
        backend=settings["store_backend"],
        create=True,
        max_concurrent_queries=settings["max_concurrent_queries"],
        query_workers=settings["query_workers"],
        serve_from_memory=settings["serve_from_memory"],
    )

    from demoi.server import (
        catalogue_page,
        conformance_page,
        contexts,
        dumps,
        errors,
        graph_store,
        guide_page,
        headers,
        health,
        home,
        hvd_page,
        i18n,
        indicators_page,
        inventory_page,
        limits,
        linked_data,
        query_page,
        sparql,
        standards_docs,
        validate_page,
        void,
    )

    errors.init_app(app)
    i18n.init_app(app)
    limits.init_app(app)
    headers.init_app(app)
    app.register_blueprint(home.bp)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(graph_store.bp)
    app.register_blueprint(void.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(linked_data.bp)
    app.register_blueprint(query_page.bp)
    app.register_blueprint(validate_page.bp)
    app.register_blueprint(conformance_page.bp)
    app.register_blueprint(catalogue_page.bp)
    app.register_blueprint(hvd_page.bp)
    app.register_blueprint(guide_page.bp)
    app.register_blueprint(dumps.bp)
    app.register_blueprint(inventory_page.bp)
    app.register_blueprint(indicators_page.bp)
    app.register_blueprint(contexts.bp)
    app.register_blueprint(standards_docs.bp)
    return app


def app_settings(app: Flask) -> Settings:
    settings: Settings = app.extensions[SETTINGS_EXTENSION]
    return settings


def app_store(app: Flask) -> Store:
    store: Store = app.extensions[STORE_EXTENSION]
    return store
