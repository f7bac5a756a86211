// Files: dropping files onto an upload form puts them into its file field and submits it. Without JavaScript the
// form works as it is (choose files, submit).
(function () {
    'use strict';
    document.querySelectorAll('form[data-dropzone]').forEach(function (form) {
        var input = form.querySelector('input[type=file]');
        if (!input) {
            return;
        }
        ['dragenter', 'dragover'].forEach(function (type) {
            form.addEventListener(type, function (e) {
                e.preventDefault();
                form.classList.add('dropzone-active');
            });
        });
        ['dragleave', 'drop'].forEach(function (type) {
            form.addEventListener(type, function () {
                form.classList.remove('dropzone-active');
            });
        });
        form.addEventListener('drop', function (e) {
            e.preventDefault();
            if (!e.dataTransfer || e.dataTransfer.files.length === 0) {
                return;
            }
            input.files = e.dataTransfer.files;
            form.requestSubmit();
        });
    });
})();
